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

/** Customers looked for per scan: each scan reads the business's appointments once, whatever the number of patterns. */
const CUSTOMERS_PER_SCAN = 50;
const IDS_PER_UPDATE = 500;

/**
 * After links of these Bookings customers changed their blocked flag: recounts `customers_blocked`
 * on every appointment they attend (found by the exact JSON text of their id), writing only rows
 * whose count changed. One scan of the business's appointments per 50 customers (a scan per
 * customer made a run that blocked thousands of customers read 100,000 rows thousands of times),
 * and one UPDATE per new count and slice of rows. Pass a transaction to make it atomic. Returns
 * how many rows changed.
 */
export async function recountCustomersBlocked(db: Kysely<Database>, businessId: string, bookingsCustomerIds: readonly string[]): Promise<number> {
  if (bookingsCustomerIds.length === 0) return 0;
  const blocked = await loadBlockedCustomerIds(db, businessId);
  const customerIds = [...new Set(bookingsCustomerIds)];
  const done = new Set<string>();
  // New count → ids of the rows whose count changed to it.
  const changedTo = new Map<number, string[]>();
  for (let i = 0; i < customerIds.length; i += CUSTOMERS_PER_SCAN) {
    const patterns = customerIds.slice(i, i + CUSTOMERS_PER_SCAN).map((id) => containsPattern(attendeeJsonPrefix(id)));
    const rows = await db
      .selectFrom('appointments')
      .select(['id', 'customers', 'customers_blocked'])
      .where('business_id', '=', businessId)
      .where((eb) => eb.or(patterns.map((pattern) => sql<boolean>`customers like ${pattern} escape ${LIKE_ESCAPE}`)))
      .execute();
    for (const row of rows) {
      if (done.has(row.id)) continue;
      done.add(row.id);
      const attendees = readJson(attendeeIdsSchema, row.customers, 'appointments.customers').map((a) => ({ customerId: a.id }));
      const count = countBlocked(attendees, blocked);
      if (count === row.customers_blocked) continue;
      const ids = changedTo.get(count);
      if (ids === undefined) changedTo.set(count, [row.id]);
      else ids.push(row.id);
    }
  }
  let changed = 0;
  for (const [count, ids] of changedTo) {
    for (let i = 0; i < ids.length; i += IDS_PER_UPDATE) {
      // A recount of an existing fact, not a change from Bookings: updated_at stays.
      await db
        .updateTable('appointments')
        .set({ customers_blocked: count })
        .where('id', 'in', ids.slice(i, i + IDS_PER_UPDATE))
        .execute();
    }
    changed += ids.length;
  }
  return changed;
}
