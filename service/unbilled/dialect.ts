import { PostgresAdapter, type Kysely } from 'kysely';

/** JSON and substring functions differ between SQLite and PostgreSQL; everything else here is portable. */
export const isPostgres = <DB>(db: Kysely<DB>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;
