import type { Kysely, Migration } from 'kysely';

type Db = Kysely<unknown>;

/**
 * No-shows and late cancellations (issue 17.1). `no_show` is set by a person (audited) and billed
 * as the setup's fee instead of the service. `cancelled_seen_at` is when a sync (or a run's
 * re-read) first found the appointment gone from Bookings: Graph has no cancellation time, so that
 * instant, against the start the row still keeps, judges whether the cancellation was late.
 * `fee_kind` on a line says it bills a fee, not the service.
 */
async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('appointments')
    .addColumn('no_show', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('appointments').addColumn('cancelled_seen_at', 'text').execute();
  await db.schema.alterTable('invoice_lines').addColumn('fee_kind', 'text').execute();
}

async function down(db: Db): Promise<void> {
  await db.schema.alterTable('invoice_lines').dropColumn('fee_kind').execute();
  await db.schema.alterTable('appointments').dropColumn('cancelled_seen_at').execute();
  await db.schema.alterTable('appointments').dropColumn('no_show').execute();
}

export const noShows: Migration = { up, down };
