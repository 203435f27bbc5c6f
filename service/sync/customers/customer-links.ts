import type { Kysely } from 'kysely';
import type { Database, Row } from '../../store/database';

export type CustomerLinkRow = Row<'customer_links'>;

/** What a sync decided about one Bookings customer: linked to a Business Central customer, or skipped and why. */
export type CustomerLinkUpdate =
  | {
      bookingsCustomerId: string;
      kind: 'linked';
      bcCustomerId: string;
      bcCustomerNumber: string;
      createdByUs: boolean;
      /** Blocked for invoicing in Business Central when last seen. */
      bcBlocked: boolean;
      note: string | null;
    }
  | { bookingsCustomerId: string; kind: 'skipped'; reason: string };

/** The Bookings customers whose blocked flag these updates change: their appointments need a recount. */
export function blockedFlagChanges(links: ReadonlyMap<string, CustomerLinkRow>, updates: readonly CustomerLinkUpdate[]): string[] {
  return updates
    .filter((u) => (links.get(u.bookingsCustomerId)?.bc_blocked ?? 0) !== (u.kind === 'linked' && u.bcBlocked ? 1 : 0))
    .map((u) => u.bookingsCustomerId);
}

export async function readCustomerLinks(
  db: Kysely<Database>,
  businessId: string,
  bookingsCustomerIds?: readonly string[],
): Promise<Map<string, CustomerLinkRow>> {
  if (bookingsCustomerIds !== undefined && bookingsCustomerIds.length === 0) return new Map();
  let query = db.selectFrom('customer_links').selectAll().where('business_id', '=', businessId);
  if (bookingsCustomerIds !== undefined) query = query.where('bookings_customer_id', 'in', [...bookingsCustomerIds]);
  return new Map((await query.execute()).map((r) => [r.bookings_customer_id, r]));
}

const CHUNK = 500;

/** One transaction per chunk; a skip clears an earlier link's columns (and its blocked flag), a link clears the skip reason. */
export async function writeCustomerLinks(db: Kysely<Database>, businessId: string, unordered: readonly CustomerLinkUpdate[], now: Date): Promise<void> {
  // One key order for every writer: concurrent runs upserting overlapping links never deadlock.
  const updates = [...unordered].sort((a, b) => (a.bookingsCustomerId < b.bookingsCustomerId ? -1 : a.bookingsCustomerId > b.bookingsCustomerId ? 1 : 0));
  for (let start = 0; start < updates.length; start += CHUNK) {
    const rows = updates.slice(start, start + CHUNK).map((u) =>
      u.kind === 'linked'
        ? {
            business_id: businessId,
            bookings_customer_id: u.bookingsCustomerId,
            bc_customer_id: u.bcCustomerId,
            bc_customer_number: u.bcCustomerNumber,
            linked_at: now.toISOString(),
            created_by_us: u.createdByUs ? (1 as const) : (0 as const),
            skip_reason: null,
            bc_blocked: u.bcBlocked ? (1 as const) : (0 as const),
            note: u.note,
          }
        : {
            business_id: businessId,
            bookings_customer_id: u.bookingsCustomerId,
            bc_customer_id: null,
            bc_customer_number: null,
            linked_at: null,
            created_by_us: 0 as const,
            skip_reason: u.reason,
            bc_blocked: 0 as const,
            note: null,
          },
    );
    await db.transaction().execute((trx) =>
      trx
        .insertInto('customer_links')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['business_id', 'bookings_customer_id']).doUpdateSet((eb) => ({
            bc_customer_id: eb.ref('excluded.bc_customer_id'),
            bc_customer_number: eb.ref('excluded.bc_customer_number'),
            linked_at: eb.ref('excluded.linked_at'),
            created_by_us: eb.ref('excluded.created_by_us'),
            skip_reason: eb.ref('excluded.skip_reason'),
            bc_blocked: eb.ref('excluded.bc_blocked'),
            note: eb.ref('excluded.note'),
          })),
        )
        .execute(),
    );
  }
}
