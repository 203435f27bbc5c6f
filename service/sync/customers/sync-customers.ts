import { customerSchema, type Customer } from '../../clients/business-central/schemas/customer';
import { emptyReport, type SyncContext, type SyncPhase, type SyncPhaseReport } from '../sync-context';
import { recheckBlockedCustomers } from './recheck-blocked';
import { newAttendeeRaises, readCustomersListedAt, writeCustomersListedAt } from './customer-checkpoint';
import { createInBatches } from './bc-batch-create';
import { recountCustomersBlocked } from '../../appointments/blocked-customers';
import { recountCustomersUnlinked } from '../../links/unlinked-customers';
import { findCreatedCustomers, loadBcCustomerIndex } from './bc-customer-index';
import { toCustomerRecords } from './bookings-customer-records';
import { planCustomerLinks } from './customer-link-plan';
import { blockedFlagChanges, readCustomerLinks, writeCustomerLinks, type CustomerLinkUpdate } from './customer-links';
import { isBlockedForInvoicing } from './invoicing-block';
import { upsertCustomers } from './customer-rows';
import { fromInvalidRecord, recordRejects } from './record-rejects';
import { SKIP_REASONS } from './skip-reasons';
import { CUSTOMER_TABLES, refreshStatistics } from '../../store/refresh-statistics';

/** The customer phase's listing and linking, and what is left once its creates in Business Central are done. */
interface Listed {
  report: SyncPhaseReport;
  /** The creates and their links; rejects only with what stops them all (Business Central down, the run stopped). */
  creates: Promise<void>;
  /** Recounts, statistics and the log, once the creates are done (and, in a sync run, every phase after this one). */
  finish(): Promise<void>;
}

/**
 * Bookings customers into `customers`; then, when the setup syncs customers, each one with an email
 * linked to the Business Central customer with that address, or created there (Bookings → Business
 * Central only). Business Central customers are read once per run, by paging, and created through
 * `$batch`. Links are committed after each batch; a killed run redoes nothing, because the next one
 * finds what it created by email (one created without its too-long email, by its unique name). Each
 * link records whether its customer is blocked for invoicing; where that changed, the customer's
 * appointments are recounted (in `finish`, once the appointments that may name them are stored), so
 * the unbilled list says so before an invoice run fails on it.
 */
async function listAndLink(ctx: SyncContext): Promise<Listed> {
  const logger = ctx.logger.child({ phase: 'customers' });
  const report = emptyReport();
  const listed = await ctx.bookings.listCustomers(ctx.setup.businessId);
  const { records, rejects } = toCustomerRecords(listed.customers);
  rejects.unshift(...listed.invalid.map(fromInvalidRecord));
  const counts = await upsertCustomers(ctx.db, ctx.businessId, records, ctx.clock());
  Object.assign(report, counts);
  ctx.progress({ phase: 'customers', done: 0, total: records.length });
  let linksWritten = 0;
  const statistics = () => refreshStatistics(ctx.db, CUSTOMER_TABLES, counts.added + counts.updated + linksWritten, logger);
  let startCreates = async (): Promise<void> => undefined;
  let finish = statistics;
  if (ctx.setup.syncCustomers) {
    ctx.signal.throwIfAborted();
    const { index, invalid } = await loadBcCustomerIndex(ctx.bc);
    rejects.push(...invalid.map(fromInvalidRecord));
    const links = await readCustomerLinks(ctx.db, ctx.businessId);
    const plan = planCustomerLinks(records, links, index, ctx.setup.customerTemplate);
    await writeCustomerLinks(ctx.db, ctx.businessId, plan.updates, ctx.clock());
    linksWritten = plan.updates.length;
    const blockChanged = blockedFlagChanges(links, plan.updates);
    ctx.progress({ phase: 'customers', done: records.length - plan.creations.length, total: records.length });

    const creationByKey = new Map(plan.creations.map((c) => [c.key, c]));
    let created = 0;
    let failed = 0;
    startCreates = () =>
      createInBatches<Customer>(
        plan.creations.map((c) => ({ key: c.key, body: c.body })),
        {
          bc: ctx.bc,
          collection: 'customers',
          schema: customerSchema,
          entity: 'customer',
          signal: ctx.signal,
          findCreated: (keys) => findCreatedCustomers(ctx.bc, new Map(plan.creations.map((c) => [c.key, c.body])), keys),
          onSettled: async (settled) => {
            const updates = [...settled].map(([key, outcome]): CustomerLinkUpdate => {
              const creation = creationByKey.get(key)!;
              const bookingsCustomerId = creation.bookingsCustomerId;
              return outcome.ok
                ? {
                    bookingsCustomerId,
                    kind: 'linked',
                    bcCustomerId: outcome.value.id,
                    bcCustomerNumber: outcome.value.number,
                    createdByUs: true,
                    bcBlocked: isBlockedForInvoicing(outcome.value),
                    note: creation.note,
                  }
                : { bookingsCustomerId, kind: 'skipped', reason: SKIP_REASONS.rejected(outcome.message) };
            });
            await writeCustomerLinks(ctx.db, ctx.businessId, updates, ctx.clock());
            blockChanged.push(...blockedFlagChanges(links, updates));
            linksWritten += updates.length;
            created += updates.filter((u) => u.kind === 'linked').length;
            failed += updates.length - updates.filter((u) => u.kind === 'linked').length;
          },
        },
      ).then(() => undefined);

    // A hand-made link of a customer without an email that the customer's deletion in Business Central undid: they wait again.
    const unlinked = plan.updates.filter((u) => u.kind === 'skipped' && links.get(u.bookingsCustomerId)?.bc_customer_id).map((u) => u.bookingsCustomerId);
    await recountCustomersUnlinked(ctx.db, ctx.businessId, unlinked);
    finish = async () => {
      const recounted = await recountCustomersBlocked(ctx.db, ctx.businessId, blockChanged);
      const linked = plan.updates.filter((u) => u.kind === 'linked').length;
      logger.info(
        { linked, created, skipped: plan.updates.length - linked + failed, unchangedLinks: plan.unchanged, blockChanged: blockChanged.length, recounted },
        'customers linked to Business Central',
      );
      await statistics();
    };
  }

  await recordRejects(ctx.db, ctx, rejects, ctx.clock());
  report.rejected = rejects.length;
  // Begun last: nothing of the phase can fail once they go, so a phase retried never sends them twice.
  const creates = startCreates();
  // Observed at once: the phase may hand the creates on before anyone awaits them.
  creates.catch(() => undefined);
  return { report, creates, finish };
}

export interface CustomerSyncOptions {
  /**
   * How long a full listing stays fresh (process clock): within it a scheduled run lists again only when the
   * appointment phase stored an attendee `customers` does not hold. 0 (the default) lists every run.
   */
  refreshMs?: number;
}

/**
 * The customer phase. Listing every Bookings customer and the whole Business Central customer index
 * costs seconds at thousands of customers, so with `refreshMs` a run skips it while the last listing
 * is fresh and no appointment stored since names a customer we do not have (a new customer is then
 * linked by the run after the one that stored their appointment). What only Business Central changes
 * (a customer blocked, deleted or renumbered) is seen within `refreshMs`, except an unblocked
 * customer, which every run reads again (`recheckBlockedCustomers`); an invoice run checks its
 * customers' links itself before invoicing.
 */
export function createCustomerSync(options: CustomerSyncOptions = {}): SyncPhase {
  const refreshMs = options.refreshMs ?? 0;
  return async (ctx) => {
    const startedAt = ctx.clock();
    const raisedBefore = await newAttendeeRaises(ctx.db, ctx.businessId);
    if (refreshMs > 0) {
      const listedAt = await readCustomersListedAt(ctx.db, ctx.businessId);
      const fresh = listedAt !== null && startedAt.getTime() - listedAt.getTime() < refreshMs;
      if (fresh && raisedBefore === null) {
        const unblocked = await recheckBlockedCustomers(ctx);
        ctx.logger.child({ phase: 'customers' }).info({ listedAt, unblocked }, 'customers listed recently and no new attendee: not listed again');
        return { ...emptyReport(), updated: unblocked };
      }
    }
    const listed = await listAndLink(ctx);
    // Listed and linked only once its creates are done: a run that died before leaves the next one to list again.
    const finish = async () => {
      await listed.finish();
      await ctx.commit((trx) => writeCustomersListedAt(trx, ctx.businessId, startedAt, ctx.clock(), raisedBefore));
    };
    if (ctx.alongside === undefined) {
      await listed.creates;
      await finish();
    } else ctx.alongside(listed.creates, finish);
    return listed.report;
  };
}

/** Lists and links every run. */
export const syncCustomers: SyncPhase = createCustomerSync();

/** What the sync job runs: a full listing at most once an hour unless someone new booked. */
export const CUSTOMER_REFRESH_MS = 3_600_000;
