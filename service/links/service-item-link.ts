import type { Item } from '../clients/business-central/schemas/item';
import { toMinor } from '../domain/money';
import { itemCreateBody, itemNameKey } from '../sync/services/item-create-body';
import { linkTo } from '../sync/services/item-plan';
import { readServiceLinks, writeServiceLinks } from '../sync/services/service-links';
import type { ServiceRecord } from '../sync/services/service-record';
import { auditLink, companyClient, MAX_CHOICES, matchesSearch, numbered, type LinkActor, type LinkDeps } from './link-deps';
import { LINK_REFUSAL_MESSAGES, type LinkChoice, type LinkOutcome, type LinkRefused, type LinkRefusal, type ServiceLinkChoices } from './link-schemas';

const refused = (code: LinkRefusal): LinkRefused => ({ ok: false, code, message: LINK_REFUSAL_MESSAGES[code] });

async function serviceRecord(deps: LinkDeps, serviceId: string): Promise<ServiceRecord | null> {
  const row = await deps.db.selectFrom('services').selectAll().where('business_id', '=', deps.businessId).where('id', '=', serviceId).executeTakeFirst();
  if (row === undefined) return null;
  return {
    id: row.id,
    displayName: row.display_name,
    defaultPriceMinor: row.default_price_minor,
    currency: row.currency,
    priceType: row.default_price_type,
    defaultDurationMinutes: row.default_duration_minutes,
  };
}

/** Business Central's local currency (blank in companyInformation means the service's own, as sync reads it). */
async function itemCurrency(bc: NonNullable<Awaited<ReturnType<typeof companyClient>>>, fallback: string): Promise<string> {
  const info = await bc.getCompanyInformation();
  return info.currencyCode.trim().toUpperCase() || fallback;
}

/**
 * The items a service can be linked to: type Service, not blocked, matching the search (name or
 * number); the same-named one (the sync's conflict) first. Null when the service is unknown.
 */
export async function serviceLinkChoices(deps: LinkDeps, input: { serviceId: string; search?: string | undefined }): Promise<ServiceLinkChoices | LinkRefused> {
  const service = await serviceRecord(deps, input.serviceId);
  if (service === null) return refused('unknown-service');
  const bc = await companyClient(deps);
  if (bc === null) return refused('no-company');
  const [{ items }, currency] = await Promise.all([bc.listItems(), itemCurrency(bc, service.currency)]);
  const link = (await readServiceLinks(deps.db, deps.businessId)).get(service.id);
  const linked = link?.bc_item_id ? items.find((i) => i.id.toLowerCase() === link.bc_item_id?.toLowerCase()) : undefined;
  const key = itemNameKey(service.displayName);
  const sameName = (item: Item) => itemNameKey(item.displayName) === key;
  const conflict = !linked && link?.conflict_reason ? items.find((i) => sameName(i)) : undefined;
  const eligible = items
    .filter((i) => i.type === 'Service' && !i.blocked && matchesSearch(input.search, i.displayName, i.number))
    .sort((a, b) => Number(sameName(b)) - Number(sameName(a)) || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  return {
    service: {
      id: service.id,
      name: service.displayName,
      linkedItem: linked ? { number: linked.number, displayName: linked.displayName } : null,
      conflict: conflict ? { number: conflict.number, displayName: conflict.displayName } : null,
    },
    items: eligible.slice(0, MAX_CHOICES).map((i) => ({
      id: i.id,
      number: i.number,
      displayName: i.displayName,
      unitPrice: { minor: toMinor(i.unitPrice, currency), currency },
      sameName: sameName(i),
    })),
    more: eligible.length > MAX_CHOICES,
  };
}

/**
 * Links a Bookings service to a Business Central item: one the person picked (type Service, not
 * blocked), or a new one made exactly as the sync makes it (from the item template). Picking the
 * same-named item settles the sync's conflict; creating one anyway is the person's call. Every
 * appointment of the service then has its item; the link is audited.
 */
export async function linkServiceToItem(deps: LinkDeps, input: { serviceId: string; choice: LinkChoice } & LinkActor): Promise<LinkOutcome> {
  const service = await serviceRecord(deps, input.serviceId);
  if (service === null) return refused('unknown-service');
  const bc = await companyClient(deps);
  if (bc === null) return refused('no-company');
  const currency = await itemCurrency(bc, service.currency);
  let item: Item;
  if (input.choice.kind === 'existing') {
    const wanted = input.choice.id.toLowerCase();
    const found = (await bc.listItems()).items.find((i) => i.id.toLowerCase() === wanted);
    if (found === undefined) return refused('unknown-record');
    if (found.type !== 'Service') return refused('not-a-service-item');
    if (found.blocked) return refused('item-blocked');
    item = found;
  } else {
    item = await bc.createItem(itemCreateBody(service, (await deps.setup()).itemTemplate));
  }
  const now = deps.clock();
  await writeServiceLinks(deps.db, deps.businessId, [linkTo(service.id, item, currency)], now);
  await auditLink(deps.db, {
    at: now,
    actor: input,
    action: 'service.linked',
    businessId: deps.businessId,
    details: { service: service.displayName, item: numbered(item), created: input.choice.kind === 'create' },
  });
  const counted = await deps.db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('business_id', '=', deps.businessId)
    .where('service_id', '=', service.id)
    .where('state', '=', 'unbilled')
    .executeTakeFirstOrThrow();
  return { ok: true, result: { number: item.number, displayName: item.displayName, created: input.choice.kind === 'create', appointments: Number(counted.n) } };
}
