import type { Kysely, Migration } from 'kysely';

type Db = Kysely<unknown>;

/**
 * The Business Central customer a person linked to an appointment that has no attendee in Bookings
 * (issue 13.4, "no customer"): the appointment is then invoiced to that customer, as one attendee.
 * Kept on the appointment (not on a Bookings customer, there is none) and never written by the sync,
 * so a sync keeps it; the number and name are what people read, the id is what invoices carry.
 */
async function up(db: Db): Promise<void> {
  for (const column of ['linked_bc_customer_id', 'linked_bc_customer_number', 'linked_bc_customer_name']) {
    await db.schema.alterTable('appointments').addColumn(column, 'text').execute();
  }
}

async function down(db: Db): Promise<void> {
  for (const column of ['linked_bc_customer_name', 'linked_bc_customer_number', 'linked_bc_customer_id']) {
    await db.schema.alterTable('appointments').dropColumn(column).execute();
  }
}

export const appointmentCustomer: Migration = { up, down };
