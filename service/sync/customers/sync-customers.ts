import { customerSchema, type Customer } from '../../clients/business-central/schemas/customer';
import { emptyReport, type SyncContext, type SyncPhase } from '../sync-context';
import { createInBatches } from './bc-batch-create';
import { loadBcCustomerIndex } from './bc-customer-index';
import { toCustomerRecords } from './bookings-customer-records';
import { planCustomerLinks } from './customer-link-plan';
import { readCustomerLinks, writeCustomerLinks, type CustomerLinkUpdate } from './customer-links';
import { upsertCustomers } from './customer-rows';
import { fromInvalidRecord, recordRejects } from './record-rejects';
import { SKIP_REASONS } from './skip-reasons';

/**
 * Bookings customers into `customers`; then, when the setup syncs customers, each one with an email
 * linked to the Business Central customer with that address, or created there (Bookings → Business
 * Central only). Business Central customers are read once per run, by paging, and created through
 * `$batch`. Links are committed after each batch; a killed run redoes nothing, because the next one
 * finds what it created by email.
 */
export const syncCustomers: SyncPhase = async (ctx) => {
  const logger = ctx.logger.child({ phase: 'customers' });
  const report = emptyReport();
  const listed = await ctx.bookings.listCustomers(ctx.setup.businessId);
  const { records, rejects } = toCustomerRecords(listed.customers);
  rejects.unshift(...listed.invalid.map(fromInvalidRecord));
  const counts = await upsertCustomers(ctx.db, ctx.businessId, records, new Date());
  Object.assign(report, counts);
  ctx.progress({ phase: 'customers', done: 0, total: records.length });

  if (ctx.setup.syncCustomers) {
    ctx.signal.throwIfAborted();
    const { index, invalid } = await loadBcCustomerIndex(ctx.bc);
    rejects.push(...invalid.map(fromInvalidRecord));
    const links = await readCustomerLinks(ctx.db, ctx.businessId);
    const plan = planCustomerLinks(records, links, index, ctx.setup.customerTemplate);
    await writeCustomerLinks(ctx.db, ctx.businessId, plan.updates, new Date());
    let done = records.length - plan.creations.length;
    ctx.progress({ phase: 'customers', done, total: records.length });

    const bookingsIdByKey = new Map(plan.creations.map((c) => [c.key, c.bookingsCustomerId]));
    const outcomes = await createInBatches<Customer>(
      plan.creations.map((c) => ({ key: c.key, body: c.body })),
      {
        bc: ctx.bc,
        collection: 'customers',
        schema: customerSchema,
        entity: 'customer',
        signal: ctx.signal,
        findCreated: (keys) => findCustomersByEmail(ctx, keys),
        onSettled: async (settled) => {
          const updates = [...settled].map(([key, outcome]): CustomerLinkUpdate => {
            const bookingsCustomerId = bookingsIdByKey.get(key)!;
            return outcome.ok
              ? { bookingsCustomerId, kind: 'linked', bcCustomerId: outcome.value.id, bcCustomerNumber: outcome.value.number, createdByUs: true }
              : { bookingsCustomerId, kind: 'skipped', reason: SKIP_REASONS.rejected(outcome.message) };
          });
          await writeCustomerLinks(ctx.db, ctx.businessId, updates, new Date());
          done += updates.length;
          ctx.progress({ phase: 'customers', done, total: records.length });
        },
      },
    );
    const created = [...outcomes.values()].filter((o) => o.ok).length;
    const linked = plan.updates.filter((u) => u.kind === 'linked').length;
    const skipped = plan.updates.length - linked + (outcomes.size - created);
    logger.info({ linked, created, skipped, unchangedLinks: plan.unchanged }, 'customers linked to Business Central');
  }

  await recordRejects(ctx.db, ctx, rejects, new Date());
  report.rejected = rejects.length;
  return report;
};

async function findCustomersByEmail(ctx: SyncContext, emails: readonly string[]): Promise<Map<string, Customer>> {
  const { index } = await loadBcCustomerIndex(ctx.bc);
  const found = new Map<string, Customer>();
  for (const email of emails) {
    const customer = index.byEmail(email);
    if (customer) found.set(email, customer);
  }
  return found;
}
