import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Attendee } from '../domain/appointment';
import { readJson } from '../store/columns';
import type { Database } from '../store/database';
import { containsPattern, LIKE_ESCAPE } from '../unbilled/like';
import { attendeeJsonPrefix } from './appointment-row';

const attendeeIdsSchema = z.array(z.object({ id: z.string() }));

/** Bookings customers whose linked Business Central customer is blocked for invoicing (few: read whole). */
export async function loadBlockedCustomerIds(db: Kysely<Database>, businessId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('customer_links').select('bookings_customer_id').where('business_id', '=', businessId).where('bc_blocked', '=', 1).execute();
  return new Set(rows.map((r) => r.bookings_customer_id));
}

/** The value of `appointments.customers_blocked` for these attendees. */
export function countBlocked(attendees: readonly Pick<Attendee, 'customerId'>[], blocked: ReadonlySet<string>): number {
  return attendees.filter((a) => blocked.has(a.customerId)).length;
}

/**
 * After links of these Bookings customers changed their blocked flag: recounts `customers_blocked`
 * on every appointment they attend (found by the exact JSON text of their id), writing only rows
 * whose count changed. Few customers change per run, so one query per customer is fine. Pass a
 * transaction to make it atomic. Returns how many rows changed.
 */
export async function recountCustomersBlocked(db: Kysely<Database>, businessId: string, bookingsCustomerIds: readonly string[]): Promise<number> {
  if (bookingsCustomerIds.length === 0) return 0;
  const blocked = await loadBlockedCustomerIds(db, businessId);
  let changed = 0;
  const done = new Set<string>();
  for (const customerId of new Set(bookingsCustomerIds)) {
    const rows = await db
      .selectFrom('appointments')
      .select(['id', 'customers', 'customers_blocked'])
      .where('business_id', '=', businessId)
      .where(sql<boolean>`customers like ${containsPattern(attendeeJsonPrefix(customerId))} escape ${LIKE_ESCAPE}`)
      .execute();
    for (const row of rows) {
      if (done.has(row.id)) continue;
      done.add(row.id);
      const attendees = readJson(attendeeIdsSchema, row.customers, 'appointments.customers').map((a) => ({ customerId: a.id }));
      const count = countBlocked(attendees, blocked);
      if (count === row.customers_blocked) continue;
      // A recount of an existing fact, not a change from Bookings: updated_at stays.
      await db.updateTable('appointments').set({ customers_blocked: count }).where('id', '=', row.id).execute();
      changed++;
    }
  }
  return changed;
}
