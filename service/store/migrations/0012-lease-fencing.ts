import type { Kysely, Migration } from 'kysely';

type Db = Kysely<unknown>;

/**
 * A fencing token per lease: a counter raised on every acquisition (not on a renewal), so a holder
 * that stalled past expiry, while another took the lease, can no longer commit as holder. Released
 * leases keep their row (expired) so the counter never starts again.
 */
async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('leases')
    .addColumn('token', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

async function down(db: Db): Promise<void> {
  await db.schema.alterTable('leases').dropColumn('token').execute();
}

export const leaseFencing: Migration = { up, down };
