import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { readJson } from '../store/columns';
import type { Database } from '../store/database';
import { attendeeJsonPrefix } from '../appointments/appointment-row';
import { containsPattern, LIKE_ESCAPE } from '../unbilled/like';

/*
 * `appointments.customers_without_email` counts the attendees nobody can invoice: no email in
 * Bookings (so no Business Central customer is found or made by address) and no Business Central
 * customer linked by hand. A person linking one (the Unbilled page's picker) makes them invoiceable.
 */

const attendeesSchema = z.array(z.object({ id: z.string(), email: z.string().nullish() }));

/** Of these Bookings customers, the ones linked to a Business Central customer. */
export async function loadLinkedCustomerIds(db: Kysely<Database>, businessId: string, customerIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(customerIds)];
  const linked = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('customer_links')
      .select('bookings_customer_id')
      .where('business_id', '=', businessId)
      .where('bookings_customer_id', 'in', ids.slice(i, i + 500))
      .where('bc_customer_id', 'is not', null)
      .execute();
    for (const row of rows) linked.add(row.bookings_customer_id);
  }
  return linked;
}

/** The value of `appointments.customers_without_email` for these attendees. */
export function countUnlinkedWithoutEmail(
  attendees: ReadonlyArray<{ customerId: string; email: string | null | undefined }>,
  linked: ReadonlySet<string>,
): number {
  return attendees.filter((a) => (a.email ?? '').trim() === '' && !linked.has(a.customerId)).length;
}

/**
 * After these Bookings customers were linked: recounts `customers_without_email` on every
 * appointment they attend. Returns how many of those appointments are unbilled.
 */
export async function recountCustomersUnlinked(db: Kysely<Database>, businessId: string, customerIds: readonly string[]): Promise<number> {
  const linked = await loadLinkedCustomerIds(db, businessId, customerIds);
  const done = new Set<string>();
  let unbilled = 0;
  for (const customerId of new Set(customerIds)) {
    const rows = await db
      .selectFrom('appointments')
      .select(['id', 'customers', 'customers_without_email', 'state'])
      .where('business_id', '=', businessId)
      .where(sql<boolean>`customers like ${containsPattern(attendeeJsonPrefix(customerId))} escape ${LIKE_ESCAPE}`)
      .execute();
    for (const row of rows) {
      if (done.has(row.id)) continue;
      done.add(row.id);
      if (row.state === 'unbilled') unbilled++;
      const attendees = readJson(attendeesSchema, row.customers, 'appointments.customers').map((a) => ({ customerId: a.id, email: a.email }));
      const others = attendees.filter((a) => (a.email ?? '').trim() === '' && !customerIds.includes(a.customerId)).map((a) => a.customerId);
      const all = others.length === 0 ? linked : new Set([...linked, ...(await loadLinkedCustomerIds(db, businessId, others))]);
      const count = countUnlinkedWithoutEmail(attendees, all);
      // A recount of an existing fact, not a change from Bookings: updated_at stays.
      if (count !== row.customers_without_email)
        await db.updateTable('appointments').set({ customers_without_email: count }).where('id', '=', row.id).execute();
    }
  }
  return unbilled;
}
