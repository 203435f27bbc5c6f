import { itemSchema, type Item } from '../../clients/business-central/schemas/item';
import { createInBatches } from '../customers/bc-batch-create';
import { fromInvalidRecord, recordRejects } from '../customers/record-rejects';
import { emptyReport, type SyncContext, type SyncPhase } from '../sync-context';
import { businessCurrency } from '../business-currency';
import { sideBySide } from '../../clients/http/side-by-side';
import { readSentServiceIds, writeSentServiceIds } from './item-checkpoint';
import { itemNameKey } from './item-create-body';
import { linkTo, planServiceItems } from './item-plan';
import { readServiceLinks, writeServiceLinks, type ServiceLinkUpdate } from './service-links';
import type { ServiceRecord } from './service-record';
import { toServiceRecords } from './service-record';
import { upsertServices } from './service-rows';

/**
 * Bookings services into `services`; then, when the setup syncs services, each one linked to a
 * Business Central item of type Service (created from the item template through `$batch`), its
 * unit price kept current. Items are read once per run. A same-named item we did not link is a
 * conflict for a person to settle, except for a service whose item a killed run had just sent.
 */
export const syncServices: SyncPhase = async (ctx) => {
  const logger = ctx.logger.child({ phase: 'services' });
  const report = emptyReport();
  // Bookings' and Business Central's reads do not depend on each other: one round trip, not three.
  const catalog = ctx.setup.syncServices ? sideBySide([ctx.bc.listItems(), ctx.bc.getCompanyInformation()]) : Promise.resolve(null);
  const [currency, listed, bcCatalog] = await sideBySide([businessCurrency(ctx), ctx.bookings.listServices(ctx.setup.businessId), catalog]);
  const { records, rejects } = toServiceRecords(listed.services, currency);
  rejects.unshift(...listed.invalid.map(fromInvalidRecord));
  Object.assign(report, await upsertServices(ctx.db, ctx.businessId, records, ctx.clock()));
  ctx.progress({ phase: 'services', done: 0, total: records.length });

  if (bcCatalog !== null) {
    ctx.signal.throwIfAborted();
    const [{ items, invalid }, info] = bcCatalog;
    rejects.push(...invalid.map(fromInvalidRecord));
    const itemCurrency = info.currencyCode.trim().toUpperCase() || currency;
    const links = await readServiceLinks(ctx.db, ctx.businessId);
    const maybeCreated = await readSentServiceIds(ctx.db, ctx.businessId);
    const plan = planServiceItems({ services: records, links, items, maybeCreated, template: ctx.setup.itemTemplate, itemCurrency });
    await writeServiceLinks(ctx.db, ctx.businessId, plan.updates, ctx.clock());
    let done = records.length - plan.creations.length;
    ctx.progress({ phase: 'services', done, total: records.length });

    const sent = new Set<string>();
    // Items that existed before, or that this run already linked: never taken for an unanswered creation.
    const known = new Set(items.map((i) => i.id.toLowerCase()));
    const outcomes = await createInBatches<Item>(plan.creations, {
      bc: ctx.bc,
      collection: 'items',
      schema: itemSchema,
      entity: 'item',
      signal: ctx.signal,
      beforeSend: async (serviceIds) => {
        for (const id of serviceIds) sent.add(id);
        await writeSentServiceIds(ctx.db, ctx.businessId, sent, ctx.clock());
      },
      findCreated: (serviceIds) => findCreatedItems(ctx, serviceIds, records, known),
      onSettled: async (settled) => {
        const updates = [...settled].map(([serviceId, outcome]): ServiceLinkUpdate =>
          outcome.ok
            ? linkTo(serviceId, outcome.value, itemCurrency)
            : { serviceId, kind: 'conflict', reason: `Business Central refused the item: ${outcome.message}` },
        );
        await writeServiceLinks(ctx.db, ctx.businessId, updates, ctx.clock());
        for (const [id, outcome] of settled) {
          sent.delete(id);
          if (outcome.ok) known.add(outcome.value.id.toLowerCase());
        }
        await writeSentServiceIds(ctx.db, ctx.businessId, sent, ctx.clock());
        done += updates.length;
        ctx.progress({ phase: 'services', done, total: records.length });
      },
    });
    const created = [...outcomes.values()].filter((o) => o.ok).length;
    const conflicts = plan.updates.filter((u) => u.kind === 'conflict').length;
    logger.info(
      { created, conflicts, refreshed: plan.updates.length - conflicts, unchangedLinks: plan.unchanged },
      'services linked to Business Central items',
    );
  }

  await recordRejects(ctx.db, ctx, rejects, ctx.clock());
  report.rejected = rejects.length;
  return report;
};

/** Items that appeared since the run read them and carry the name of a service whose creation went unanswered. */
async function findCreatedItems(
  ctx: SyncContext,
  serviceIds: readonly string[],
  services: readonly ServiceRecord[],
  known: ReadonlySet<string>,
): Promise<Map<string, Item>> {
  const { items } = await ctx.bc.listItems();
  const fresh = items.filter((i) => !known.has(i.id.toLowerCase()));
  const names = new Map(services.map((s) => [s.id, itemNameKey(s.displayName)]));
  const found = new Map<string, Item>();
  const claimed = new Set<string>();
  for (const serviceId of serviceIds) {
    const item = fresh.find((i) => !claimed.has(i.id) && itemNameKey(i.displayName) === names.get(serviceId));
    if (item) {
      claimed.add(item.id);
      found.set(serviceId, item);
    }
  }
  return found;
}
