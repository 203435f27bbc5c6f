import type { ItemCreate } from '../../clients/business-central/schemas/item';
import { fromMinor } from '../../domain/money';
import type { ItemTemplate } from '../../setup/setup-schema';
import { BC_NAME_LENGTH, truncateBcText } from '../customers/bc-text';
import type { ServiceRecord } from './service-record';

/** The template's fields the API exposes beyond ItemCreate's. */
export type ItemCreateBody = ItemCreate & { itemCategoryCode?: string };

/** Price types whose Bookings price is a unit price (per appointment, or per hour with quantity in hours). */
const PRICED = new Set(['fixedPrice', 'hourly']);

/** A Service item for a Bookings service, as the item template says. */
export function itemCreateBody(service: ServiceRecord, template: ItemTemplate): ItemCreateBody {
  const unitPrice = PRICED.has(service.priceType) && service.defaultPriceMinor !== null ? fromMinor(service.defaultPriceMinor, service.currency) : 0;
  const body: ItemCreateBody = { displayName: itemName(service.displayName), type: template.type, unitPrice };
  if (template.baseUnitOfMeasureCode !== undefined) body.baseUnitOfMeasureCode = template.baseUnitOfMeasureCode;
  if (template.taxGroupCode !== undefined) body.taxGroupCode = template.taxGroupCode;
  if (template.generalProductPostingGroupCode !== undefined) body.generalProductPostingGroupCode = template.generalProductPostingGroupCode;
  if (template.itemCategoryCode !== undefined) body.itemCategoryCode = template.itemCategoryCode;
  return body;
}

/** The name Business Central can hold. */
export function itemName(serviceName: string): string {
  return truncateBcText(serviceName.trim(), BC_NAME_LENGTH);
}

/** Names compared as a person would: trimmed, case-insensitive, as far as Business Central keeps them. */
export function itemNameKey(name: string): string {
  return itemName(name).trim().toLowerCase();
}
