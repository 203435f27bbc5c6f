import type { Kysely } from 'kysely';
import type { Database, Row } from '../../store/database';

export type ServiceLinkRow = Row<'service_links'>;

/** What a sync decided about one service: linked to an item (new or refreshed), or in conflict and why. */
export type ServiceLinkUpdate =
  | { serviceId: string; kind: 'linked'; itemId: string; itemNumber: string; unitPriceMinor: number; currency: string }
  | { serviceId: string; kind: 'conflict'; reason: string };

export async function readServiceLinks(db: Kysely<Database>, businessId: string): Promise<Map<string, ServiceLinkRow>> {
  const rows = await db.selectFrom('service_links').selectAll().where('business_id', '=', businessId).execute();
  return new Map(rows.map((r) => [r.bookings_service_id, r]));
}

/** One transaction; services are few, so one statement each. `linked_at` moves only when the item changes. */
export async function writeServiceLinks(db: Kysely<Database>, businessId: string, updates: readonly ServiceLinkUpdate[], now: Date): Promise<void> {
  if (updates.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const update of updates) {
      if (update.kind === 'linked') {
        await upsertLink(trx, businessId, update, now);
      } else {
        await trx
          .insertInto('service_links')
          .values({
            business_id: businessId,
            bookings_service_id: update.serviceId,
            bc_item_id: null,
            bc_item_number: null,
            linked_at: null,
            conflict_reason: update.reason,
            bc_item_unit_price_minor: null,
            currency: null,
          })
          .onConflict((oc) =>
            oc.columns(['business_id', 'bookings_service_id']).doUpdateSet({
              bc_item_id: null,
              bc_item_number: null,
              linked_at: null,
              conflict_reason: update.reason,
              bc_item_unit_price_minor: null,
              currency: null,
            }),
          )
          .execute();
      }
    }
  });
}

async function upsertLink(db: Kysely<Database>, businessId: string, link: Extract<ServiceLinkUpdate, { kind: 'linked' }>, now: Date): Promise<void> {
  const current = await db
    .selectFrom('service_links')
    .select(['bc_item_id', 'linked_at'])
    .where('business_id', '=', businessId)
    .where('bookings_service_id', '=', link.serviceId)
    .executeTakeFirst();
  const sameItem = current?.bc_item_id?.toLowerCase() === link.itemId.toLowerCase();
  const values = {
    bc_item_id: link.itemId,
    bc_item_number: link.itemNumber,
    linked_at: sameItem && current?.linked_at ? current.linked_at : now.toISOString(),
    conflict_reason: null,
    bc_item_unit_price_minor: link.unitPriceMinor,
    currency: link.currency,
  };
  await db
    .insertInto('service_links')
    .values({ business_id: businessId, bookings_service_id: link.serviceId, ...values })
    .onConflict((oc) => oc.columns(['business_id', 'bookings_service_id']).doUpdateSet(values))
    .execute();
}

/** Links a service to an existing Business Central item (how the tab resolves a name conflict). */
export async function linkServiceToItem(
  db: Kysely<Database>,
  businessId: string,
  serviceId: string,
  itemId: string,
  itemNumber: string,
  unitPriceMinor: number,
  currency: string,
  now: Date,
): Promise<void> {
  await writeServiceLinks(db, businessId, [{ serviceId, kind: 'linked', itemId, itemNumber, unitPriceMinor, currency }], now);
}

/**
 * Forgets a service's name conflict (after the user renamed the Business Central item): the next
 * sync creates the item, or finds the conflict again if the name is still taken.
 */
export async function clearServiceConflict(db: Kysely<Database>, businessId: string, serviceId: string): Promise<void> {
  await db
    .updateTable('service_links')
    .set({ conflict_reason: null })
    .where('business_id', '=', businessId)
    .where('bookings_service_id', '=', serviceId)
    .execute();
}
