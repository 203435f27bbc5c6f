import type { Kysely, Migration } from 'kysely';

type Db = Kysely<unknown>;

/**
 * Create and send in one step (issue 17.3). A run remembers what it does after the drafts are
 * verified ('draft', 'post' or 'send'), chosen when it starts, so a resumed run does the same.
 * Each invoice records every step apart: `post_started_at`/`send_started_at` are written BEFORE
 * Business Central is asked, `posted_at`/`sent_at` after it answered. A run killed in between
 * looks the invoice's status up before posting again, and never sends an email a second time.
 */
async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('invoice_runs')
    .addColumn('after_create', 'text', (c) => c.notNull().defaultTo('draft'))
    .execute();
  for (const column of ['post_started_at', 'posted_at', 'send_started_at', 'sent_at', 'after_create_error']) {
    await db.schema.alterTable('invoices').addColumn(column, 'text').execute();
  }
}

async function down(db: Db): Promise<void> {
  for (const column of ['after_create_error', 'sent_at', 'send_started_at', 'posted_at', 'post_started_at']) {
    await db.schema.alterTable('invoices').dropColumn(column).execute();
  }
  await db.schema.alterTable('invoice_runs').dropColumn('after_create').execute();
}

export const afterCreate: Migration = { up, down };
