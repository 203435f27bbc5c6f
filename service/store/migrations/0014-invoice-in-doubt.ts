import { sql, type Kysely, type Migration } from 'kysely';

type Db = Kysely<unknown>;

/** STORED_INVOICE_ERRORS.gaveUp as it was when this migration shipped (a migration never changes). */
const GAVE_UP = 'Business Central did not answer before the run gave up; no draft was found for this invoice';

/**
 * An invoice a run gave up on while Business Central may still have been creating its draft: since
 * when its fate is unknown (null once known). Every sync, and every run before it bills those
 * appointments, looks the key up until the draft is found (adopted or deleted) or has surely not
 * been made (in-doubt). Invoices that earlier versions gave up on are in doubt from then.
 */
async function up(db: Db): Promise<void> {
  await db.schema.alterTable('invoices').addColumn('in_doubt_since', 'text').execute();
  await sql`update invoices set in_doubt_since = updated_at where status = 'failed' and error = ${GAVE_UP} and bc_customer_id is not null`.execute(db);
}

async function down(db: Db): Promise<void> {
  await db.schema.alterTable('invoices').dropColumn('in_doubt_since').execute();
}

export const invoiceInDoubt: Migration = { up, down };
