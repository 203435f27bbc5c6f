import type { Kysely, Migration } from 'kysely';

type Db = Kysely<unknown>;

/**
 * Columns the sync and the unbilled query need: denormalised facts about an appointment's attendees
 * (so eligibility is a SQL expression, fast at 100,000 rows), a price typed by a user, the linked
 * item's unit price, and why a record from Graph was refused.
 */
async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('appointments')
    .addColumn('customer_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('appointments')
    .addColumn('customers_without_email', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('appointments').addColumn('entered_price_minor', 'bigint').execute();
  /** Lower-cased names and emails of the attendees and the service name, for free-text search. */
  await db.schema
    .alterTable('appointments')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('appointments_business_start_idx').on('appointments').columns(['business_id', 'start_utc']).execute();
  await db.schema.createIndex('appointments_seen_idx').on('appointments').columns(['business_id', 'last_seen_sync']).execute();

  await db.schema.alterTable('service_links').addColumn('bc_item_unit_price_minor', 'bigint').execute();
  await db.schema.alterTable('service_links').addColumn('currency', 'text').execute();

  await db.schema
    .createTable('sync_rejects')
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('sync_run_id', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sync_rejects_run_idx').on('sync_rejects').columns(['business_id', 'sync_run_id']).execute();
}

async function down(db: Db): Promise<void> {
  await db.schema.dropTable('sync_rejects').execute();
  await db.schema.dropIndex('appointments_seen_idx').execute();
  await db.schema.dropIndex('appointments_business_start_idx').execute();
  for (const column of ['search_text', 'entered_price_minor', 'customers_without_email', 'customer_count']) {
    await db.schema.alterTable('appointments').dropColumn(column).execute();
  }
  await db.schema.alterTable('service_links').dropColumn('currency').execute();
  await db.schema.alterTable('service_links').dropColumn('bc_item_unit_price_minor').execute();
}

export const sync: Migration = { up, down };
