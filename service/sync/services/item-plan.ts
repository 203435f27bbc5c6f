import type { Item } from '../../clients/business-central/schemas/item';
import { toMinor } from '../../domain/money';
import type { ItemTemplate } from '../../setup/setup-schema';
import { itemCreateBody, itemNameKey, type ItemCreateBody } from './item-create-body';
import type { ServiceLinkRow, ServiceLinkUpdate } from './service-links';
import type { ServiceRecord } from './service-record';

export interface ItemCreation {
  /** The Bookings service id. */
  key: string;
  body: ItemCreateBody;
}

export interface ItemPlan {
  updates: ServiceLinkUpdate[];
  creations: ItemCreation[];
  unchanged: number;
}

export interface ItemPlanInput {
  services: readonly ServiceRecord[];
  links: ReadonlyMap<string, ServiceLinkRow>;
  items: readonly Item[];
  /** Services whose item a killed run may have created without storing the link: a same-named item is theirs. */
  maybeCreated: ReadonlySet<string>;
  template: ItemTemplate;
  /** Business Central's local currency: the currency of every item's unit price. */
  itemCurrency: string;
}

export const conflictReason = (item: Item): string => `An item named "${item.displayName}" (number ${item.number}) already exists: link it or rename it`;

/** The stored link of an item: its number and its unit price in minor units. */
export function linkTo(serviceId: string, item: Item, itemCurrency: string): Extract<ServiceLinkUpdate, { kind: 'linked' }> {
  return { serviceId, kind: 'linked', itemId: item.id, itemNumber: item.number, unitPriceMinor: toMinor(item.unitPrice, itemCurrency), currency: itemCurrency };
}

/**
 * Decides, without side effects, each service's item: a linked item that still exists is refreshed
 * (number, unit price); an unlinked item of the same name is a conflict for a person to settle
 * (nothing is created: two items of one name would confuse whoever invoices); else a new item.
 */
export function planServiceItems(input: ItemPlanInput): ItemPlan {
  const itemsById = new Map(input.items.map((i) => [i.id.toLowerCase(), i]));
  const taken = new Set<string>();
  for (const link of input.links.values()) if (link.bc_item_id && itemsById.has(link.bc_item_id.toLowerCase())) taken.add(link.bc_item_id.toLowerCase());
  const sorted = [...input.items].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  const plan: ItemPlan = { updates: [], creations: [], unchanged: 0 };

  for (const service of input.services) {
    const link = input.links.get(service.id);
    const linked = link?.bc_item_id ? itemsById.get(link.bc_item_id.toLowerCase()) : undefined;
    if (link && linked) {
      const refreshed = linkTo(service.id, linked, input.itemCurrency);
      const same =
        link.bc_item_number === refreshed.itemNumber &&
        link.bc_item_unit_price_minor === refreshed.unitPriceMinor &&
        link.currency === refreshed.currency &&
        link.conflict_reason === null;
      if (same) plan.unchanged++;
      else plan.updates.push(refreshed);
      continue;
    }
    const key = itemNameKey(service.displayName);
    const namesake = sorted.find((item) => !taken.has(item.id.toLowerCase()) && itemNameKey(item.displayName) === key);
    if (namesake && input.maybeCreated.has(service.id)) {
      taken.add(namesake.id.toLowerCase());
      plan.updates.push(linkTo(service.id, namesake, input.itemCurrency));
    } else if (namesake) {
      const reason = conflictReason(namesake);
      if (link?.conflict_reason === reason && !link.bc_item_id) plan.unchanged++;
      else plan.updates.push({ serviceId: service.id, kind: 'conflict', reason });
    } else {
      plan.creations.push({ key: service.id, body: itemCreateBody(service, input.template) });
    }
  }
  return plan;
}
