import type { Kysely, Migration } from 'kysely';

type Db = Kysely<unknown>;

/**
 * Issue 17 (payment status, automatic invoicing). An invoice keeps what the last sync read of it in
 * Business Central once posted: its status (Open, Paid, Canceled, Corrective), the amount still
 * owed in minor units and its due date; "overdue" is derived from these and today, never stored.
 *
 * `auto_invoice_ticks` holds one row per business per due schedule tick, naming the run it
 * started: its primary key is what lets one process, once, start that tick's run, and
 * `announced_at` records that the result card went to the summary conversations.
 */
async function up(db: Db): Promise<void> {
  await db.schema.alterTable('invoices').addColumn('bc_status', 'text').execute();
  await db.schema.alterTable('invoices').addColumn('remaining_minor', 'bigint').execute();
  await db.schema.alterTable('invoices').addColumn('due_date', 'text').execute();
  await db.schema
    .createTable('auto_invoice_ticks')
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('tick_key', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('announced_at', 'text')
    .addPrimaryKeyConstraint('auto_invoice_ticks_pk', ['business_id', 'tick_key'])
    .execute();
}

async function down(db: Db): Promise<void> {
  await db.schema.dropTable('auto_invoice_ticks').execute();
  for (const column of ['due_date', 'remaining_minor', 'bc_status']) {
    await db.schema.alterTable('invoices').dropColumn(column).execute();
  }
}

export const paymentStatus: Migration = { up, down };
