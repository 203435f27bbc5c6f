import type { Kysely, Migration } from 'kysely';
import { isPostgres } from './dialect';

// Portable types only (see database.ts): text, integer, bigint (SQLite gives it integer affinity).
type Db = Kysely<unknown>;

async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('setup')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('company_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('start_utc', 'text', (c) => c.notNull())
    .addColumn('end_utc', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('service_id', 'text')
    .addColumn('service_name', 'text', (c) => c.notNull())
    .addColumn('staff_member_ids', 'text', (c) => c.notNull())
    .addColumn('customers', 'text', (c) => c.notNull())
    .addColumn('price_minor', 'bigint')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('price_type', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('claimed_by_run', 'text')
    .addColumn('invoice_id', 'text')
    .addColumn('review_reason', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('last_seen_sync', 'text')
    .addColumn('graph_last_updated', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appointments_unbilled_idx').on('appointments').columns(['business_id', 'state', 'end_utc']).execute();
  await db.schema.createIndex('appointments_start_idx').on('appointments').column('start_utc').execute();
  await db.schema.createIndex('appointments_service_idx').on('appointments').column('service_id').execute();
  await db.schema.createIndex('appointments_run_idx').on('appointments').column('claimed_by_run').execute();

  await db.schema
    .createTable('customers')
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('email_normalized', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customers_pk', ['business_id', 'id'])
    .execute();
  await db.schema.createIndex('customers_email_idx').on('customers').columns(['business_id', 'email_normalized']).execute();

  await db.schema
    .createTable('customer_links')
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('bookings_customer_id', 'text', (c) => c.notNull())
    .addColumn('bc_customer_id', 'text')
    .addColumn('bc_customer_number', 'text')
    .addColumn('linked_at', 'text')
    .addColumn('created_by_us', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skip_reason', 'text')
    .addPrimaryKeyConstraint('customer_links_pk', ['business_id', 'bookings_customer_id'])
    .execute();

  await db.schema
    .createTable('services')
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('default_price_minor', 'bigint')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('default_price_type', 'text', (c) => c.notNull())
    .addColumn('default_duration_minutes', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('services_pk', ['business_id', 'id'])
    .execute();

  await db.schema
    .createTable('service_links')
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('bookings_service_id', 'text', (c) => c.notNull())
    .addColumn('bc_item_id', 'text')
    .addColumn('bc_item_number', 'text')
    .addColumn('linked_at', 'text')
    .addColumn('conflict_reason', 'text')
    .addPrimaryKeyConstraint('service_links_pk', ['business_id', 'bookings_service_id'])
    .execute();

  await db.schema
    .createTable('invoice_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('selection', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('phase', 'text')
    .addColumn('planned_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('totals', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('invoice_runs_business_idx').on('invoice_runs').columns(['business_id', 'created_at']).execute();
  await db.schema.createIndex('invoice_runs_state_idx').on('invoice_runs').column('state').execute();

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull().references('invoice_runs.id'))
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('bc_customer_id', 'text')
    .addColumn('external_document_number', 'text', (c) => c.notNull())
    .addColumn('bc_invoice_id', 'text')
    .addColumn('bc_number', 'text')
    .addColumn('posted_number', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('appointment_ids', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('invoices_external_document_number_key', ['external_document_number'])
    .execute();
  await db.schema.createIndex('invoices_run_idx').on('invoices').column('run_id').execute();

  await db.schema
    .createTable('sync_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('phase', 'text')
    .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('added_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('removed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('sync_runs_business_idx').on('sync_runs').columns(['business_id', 'started_at']).execute();

  await db.schema
    .createTable('sync_checkpoints')
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('checkpoint', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_checkpoints_pk', ['business_id', 'kind'])
    .execute();

  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('service_url', 'text', (c) => c.notNull())
    .addColumn('conversation_type', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('channel_id', 'text')
    .addColumn('installed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('posted_cards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('posted_cards_key', ['conversation_id', 'kind', 'period_key'])
    .execute();
  await db.schema.createIndex('posted_cards_run_idx').on('posted_cards').column('run_id').execute();

  // An integer key keeps the log in insertion order even when two entries share a timestamp.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', isPostgres(db) ? 'bigint' : 'integer', (c) =>
      isPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('details', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();

  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('acquired_at', 'text', (c) => c.notNull())
    .execute();
}

async function down(db: Db): Promise<void> {
  for (const table of [
    'leases',
    'audit_log',
    'posted_cards',
    'conversations',
    'sync_checkpoints',
    'sync_runs',
    'invoices',
    'invoice_runs',
    'service_links',
    'services',
    'customer_links',
    'customers',
    'appointments',
    'setup',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

export const initial: Migration = { up, down };
