import { sql, type Kysely, type Migration } from 'kysely';

type Db = Kysely<unknown>;

/**
 * What the sync job runner needs on `sync_runs`: who asked and from where, how many records the
 * phases refused, and a database-level guarantee that a business has at most one unfinished run
 * (whatever the lease timing between processes does, a second one cannot be inserted).
 */
async function up(db: Db): Promise<void> {
  await db.schema.alterTable('sync_runs').addColumn('requested_by', 'text').execute();
  await db.schema.alterTable('sync_runs').addColumn('source', 'text').execute();
  await db.schema
    .alterTable('sync_runs')
    .addColumn('rejected_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('sync_runs_one_unfinished_idx')
    .on('sync_runs')
    .column('business_id')
    .unique()
    .where(sql.ref('state'), 'in', ['queued', 'running', 'stopped'])
    .execute();
}

async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('sync_runs_one_unfinished_idx').execute();
  for (const column of ['rejected_count', 'source', 'requested_by']) {
    await db.schema.alterTable('sync_runs').dropColumn(column).execute();
  }
}

export const jobs: Migration = { up, down };
