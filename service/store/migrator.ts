import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Logger } from '../logging/logger';
import type { Database } from './database';
import { migrations } from './migrations';

export class MigrationError extends Error {
  constructor(
    readonly migration: string | undefined,
    override readonly cause: unknown,
  ) {
    super(`Database migration ${migration ?? '(setup)'} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'MigrationError';
  }
}

const inCode: MigrationProvider = {
  getMigrations: async (): Promise<Record<string, Migration>> => ({ ...migrations }),
};

/**
 * Brings the database to the latest migration. Safe when several processes start together:
 * Kysely's migrator holds PostgreSQL's advisory lock (and SQLite's write lock, see sqlite-dialect.ts)
 * while it reads what has run and applies the rest in one transaction. `schema` is PostgreSQL's
 * current schema, where the migrations create their tables.
 */
export async function migrateToLatest(db: Kysely<Database>, logger: Logger, schema?: string, upTo?: string): Promise<void> {
  // Named explicitly on PostgreSQL: without it Kysely takes a migration table in any schema of the database as ours.
  const migrator = new Migrator({ db, provider: inCode, ...(schema === undefined ? {} : { migrationTableSchema: schema }) });
  const { error, results } = upTo === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(upTo);
  if (error !== undefined) {
    // Every migration of the run rolled back with the failed one: none of them is reported as applied.
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new MigrationError(failed, error);
  }
  for (const result of results ?? []) {
    if (result.status === 'Success') logger.info({ migration: result.migrationName }, 'database migration applied');
  }
}
