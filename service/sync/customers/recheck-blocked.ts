import type { Kysely } from 'kysely';
import { recountCustomersBlocked } from '../../appointments/blocked-customers';
import { eq, or } from '../../clients/business-central/odata-filter';
import type { Database } from '../../store/database';
import type { SyncContext } from '../sync-context';
import { isBlockedForInvoicing } from './invoicing-block';

/** Customer numbers per `$filter`: a URL stays far below Business Central's length limit. */
const NUMBERS_PER_FILTER = 20;

async function blockedLinks(db: Kysely<Database>, businessId: string): Promise<{ bookingsCustomerId: string; number: string }[]> {
  const rows = await db
    .selectFrom('customer_links')
    .select(['bookings_customer_id', 'bc_customer_number'])
    .where('business_id', '=', businessId)
    .where('bc_blocked', '=', 1)
    .where('bc_customer_number', 'is not', null)
    .orderBy('bookings_customer_id')
    .execute();
  return rows.map((r) => ({ bookingsCustomerId: r.bookings_customer_id, number: r.bc_customer_number! }));
}

/**
 * Between full listings, the customers our links say are blocked are read again by number (few, and
 * usually none): one a bookkeeper unblocked in Business Central is invoiceable after the next sync,
 * not after the next full listing. A customer newly blocked is found by the next invoice run or listing.
 * Returns how many links were unblocked.
 */
export async function recheckBlockedCustomers(ctx: SyncContext): Promise<number> {
  const links = await blockedLinks(ctx.db, ctx.businessId);
  const unblocked: string[] = [];
  for (let i = 0; i < links.length; i += NUMBERS_PER_FILTER) {
    const part = links.slice(i, i + NUMBERS_PER_FILTER);
    const { customers } = await ctx.bc.listCustomers(or(...part.map((l) => eq('number', l.number))));
    const stillBlocked = new Set(customers.filter(isBlockedForInvoicing).map((c) => c.number));
    const seen = new Set(customers.map((c) => c.number));
    // A customer no longer found is left to the next full listing, which relinks or skips it.
    unblocked.push(...part.filter((l) => seen.has(l.number) && !stillBlocked.has(l.number)).map((l) => l.bookingsCustomerId));
  }
  if (unblocked.length === 0) return 0;
  await ctx.commit(async (trx) => {
    await trx
      .updateTable('customer_links')
      .set({ bc_blocked: 0 })
      .where('business_id', '=', ctx.businessId)
      .where('bookings_customer_id', 'in', unblocked)
      .execute();
    await recountCustomersBlocked(trx, ctx.businessId, unblocked);
  });
  return unblocked.length;
}
