import { sql, type Kysely, type Migration } from 'kysely';

type Db = Kysely<unknown>;

/**
 * What the invoice run needs: one row per attendee line of an invoice (the claim's record of who is
 * billed for what), liveness of a run (holder and heartbeat, so a dead run is resumed), what a run
 * skipped and why, Business Central's figures of each invoice, and what was learnt about Business
 * Central's price basis (a customer's "Prices Including VAT", an item's VAT percent), which the API
 * does not expose before an invoice shows it.
 */
async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('invoice_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('appointment_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('customer_email', 'text', (c) => c.notNull())
    .addColumn('customer_name', 'text', (c) => c.notNull())
    .addColumn('bookings_customer_id', 'text', (c) => c.notNull())
    .addColumn('service_name', 'text', (c) => c.notNull())
    .addColumn('start_utc', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('staff_names', 'text', (c) => c.notNull())
    .addColumn('price_type', 'text', (c) => c.notNull())
    .addColumn('price_source', 'text', (c) => c.notNull())
    .addColumn('review', 'text', (c) => c.notNull())
    .addColumn('quantity', 'text', (c) => c.notNull())
    .addColumn('unit_price_minor', 'bigint', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('bc_item_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invoice_lines_invoice_idx').on('invoice_lines').column('invoice_id').execute();
  await db.schema.createIndex('invoice_lines_run_idx').on('invoice_lines').column('run_id').execute();
  // An attendee of an appointment is on at most one live invoice, whatever the claim logic does.
  await db.schema
    .createIndex('invoice_lines_attendee_key')
    .on('invoice_lines')
    .columns(['appointment_id', 'customer_email'])
    .unique()
    .where(sql.ref('state'), 'in', ['planned', 'invoiced'])
    .execute();

  await db.schema.alterTable('invoice_runs').addColumn('holder', 'text').execute();
  await db.schema.alterTable('invoice_runs').addColumn('heartbeat_at', 'text').execute();
  await db.schema.alterTable('invoice_runs').addColumn('skipped', 'text').execute();
  await db.schema.alterTable('invoice_runs').addColumn('retry_of', 'text').execute();

  for (const column of ['customer_email', 'customer_name', 'bc_customer_number', 'invoice_date', 'verify_problem', 'url']) {
    await db.schema.alterTable('invoices').addColumn(column, 'text').execute();
  }
  await db.schema
    .alterTable('invoices')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('invoices').addColumn('prices_include_tax', 'integer').execute();
  for (const column of ['bc_total_excl_minor', 'bc_total_incl_minor', 'bc_tax_minor']) {
    await db.schema.alterTable('invoices').addColumn(column, 'bigint').execute();
  }

  await db.schema
    .createTable('bc_customer_terms')
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('bc_customer_id', 'text', (c) => c.notNull())
    .addColumn('prices_include_tax', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bc_customer_terms_pk', ['business_id', 'bc_customer_id'])
    .execute();
  await db.schema
    .createTable('bc_item_terms')
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('bc_item_id', 'text', (c) => c.notNull())
    /** VAT percent × 1000, so 12.5% stays an integer. */
    .addColumn('vat_percent_milli', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bc_item_terms_pk', ['business_id', 'bc_item_id'])
    .execute();
}

async function down(db: Db): Promise<void> {
  await db.schema.dropTable('bc_item_terms').execute();
  await db.schema.dropTable('bc_customer_terms').execute();
  for (const column of [
    'bc_tax_minor',
    'bc_total_incl_minor',
    'bc_total_excl_minor',
    'prices_include_tax',
    'position',
    'url',
    'verify_problem',
    'invoice_date',
    'bc_customer_number',
    'customer_name',
    'customer_email',
  ]) {
    await db.schema.alterTable('invoices').dropColumn(column).execute();
  }
  for (const column of ['retry_of', 'skipped', 'heartbeat_at', 'holder']) {
    await db.schema.alterTable('invoice_runs').dropColumn(column).execute();
  }
  await db.schema.dropTable('invoice_lines').execute();
}

export const invoicing: Migration = { up, down };
