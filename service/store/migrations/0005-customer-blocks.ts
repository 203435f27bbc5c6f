import type { Kysely, Migration } from 'kysely';

type Db = Kysely<unknown>;

/**
 * What makes a customer's appointments not invoiceable before Business Central refuses their
 * invoice: a linked customer blocked for invoicing ('All' or 'Invoice'), denormalised onto each
 * appointment as a count so eligibility stays a SQL expression; and a note on a link that was made
 * with a compromise (a customer created without its email, which Business Central cannot hold).
 */
async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('customer_links')
    .addColumn('bc_blocked', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('customer_links').addColumn('note', 'text').execute();
  await db.schema
    .alterTable('appointments')
    .addColumn('customers_blocked', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

async function down(db: Db): Promise<void> {
  await db.schema.alterTable('appointments').dropColumn('customers_blocked').execute();
  await db.schema.alterTable('customer_links').dropColumn('note').execute();
  await db.schema.alterTable('customer_links').dropColumn('bc_blocked').execute();
}

export const customerBlocks: Migration = { up, down };
