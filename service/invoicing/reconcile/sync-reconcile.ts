import { resolveInDoubt } from '../run/in-doubt';
import { isTerminal, runStateSchema } from '../run/run-schemas';
import { and, ne } from '../../clients/business-central/odata-filter';
import type { SalesInvoice } from '../../clients/business-central/schemas/sales-invoice';
import { emptyReport, type SyncContext, type SyncPhase } from '../../sync/sync-context';
import { readReconciledAt, writeReconciledAt } from './reconcile-checkpoint';
import { applyDecision } from './apply-reconcile';
import { fetchInvoicesById } from './fetch-invoices-by-id';
import { applyPayment, paymentChanged, paymentFieldsOf } from './payment-fields';
import { decide } from './reconcile-decision';

/** Our invoices that exist in Business Central and may still change there (not deleted, failed or canceled). */
export const RECONCILED_STATUSES = ['created', 'verified', 'mismatch', 'posted'] as const;
const INVOICES_PER_CHUNK = 100;
/** How far Business Central's clock may run behind ours before a change slips past the `lastModifiedDateTime` filter. */
export const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * Business Central's posted invoices (of anyone) changed since `since`, by lower-cased id: a posted
 * invoice only changes by being paid, corrected or canceled, each of which stamps it.
 */
async function postedChangedSince(ctx: SyncContext, since: Date): Promise<Map<string, SalesInvoice>> {
  const { salesInvoices } = await ctx.bc.findSalesInvoices(and(`lastModifiedDateTime gt ${since.toISOString()}`, ne('status', 'Draft')));
  return new Map(salesInvoices.map((i) => [i.id.toLowerCase(), i]));
}

/**
 * The sync's reconcile phase: first the keys runs gave up on while Business Central may still have
 * been creating them (in-doubt: a late draft is adopted or deleted, so Business Central holds no
 * invoice we do not know); then what can have changed is read back from Business Central and
 * applied, one transaction per chunk: our drafts by id, many per `$filter` (a deleted draft leaves
 * no trace to filter on), and our posted invoices only when Business Central's `lastModifiedDateTime`
 * says they changed since the last reconcile (one filtered read; the first reconcile reads them by
 * id too). Applied: a deleted draft, a posted number, a cancellation, and a posted invoice's payment
 * status (paid, what is still owed, the due date). Invoices of a run still executing are left to it.
 */
export const syncReconcile: SyncPhase = async (ctx) => {
  const report = emptyReport();
  const logger = ctx.logger.child({ phase: 'reconcile' });
  const doubt = await resolveInDoubt({
    db: ctx.db,
    bc: ctx.bc,
    logger,
    now: ctx.clock,
    runId: ctx.syncRunId,
    source: 'sync',
    businessId: ctx.businessId,
    links: ctx.invoiceLinks,
    companyId: ctx.setup.companyId,
  });
  if (doubt.adopted + doubt.deleted > 0) logger.info({ ...doubt }, 'settled invoices whose run gave up with their fate unknown');
  report.updated += doubt.adopted;
  report.removed += doubt.deleted;
  const readAt = ctx.clock();
  const reconciledAt = await readReconciledAt(ctx.db, ctx.businessId);
  const postedChanges = reconciledAt === null ? null : await postedChangedSince(ctx, new Date(reconciledAt.getTime() - CLOCK_SKEW_MS));
  const base = ctx.db
    .selectFrom('invoices')
    .innerJoin('invoice_runs', 'invoice_runs.id', 'invoices.run_id')
    .where('invoices.business_id', '=', ctx.businessId)
    .where('invoices.status', 'in', [...RECONCILED_STATUSES])
    .where('invoices.bc_invoice_id', 'is not', null);
  const counted = await base.select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow();
  const total = Number(counted.n);
  let done = 0;
  let after = '';
  // An invoice of a run still executing is left to it: its changes must still be read next time.
  let deferred = false;
  const finish = async () => {
    if (!deferred) await ctx.commit((trx) => writeReconciledAt(trx, ctx.businessId, readAt, ctx.clock()));
  };
  // No invoice to read: nothing to report or fetch.
  if (total === 0) {
    await finish();
    return report;
  }
  ctx.progress({ phase: 'reconcile', done, total });
  for (;;) {
    ctx.signal.throwIfAborted();
    const rows = await base
      .selectAll('invoices')
      .select('invoice_runs.state as run_state')
      .where('invoices.id', '>', after)
      .orderBy('invoices.id')
      .limit(INVOICES_PER_CHUNK)
      .execute();
    const last = rows.at(-1);
    if (last === undefined) break;
    after = last.id;
    const settled = rows.filter((r) => isTerminal(runStateSchema.catch('planned').parse(r.run_state)));
    if (settled.length < rows.length) deferred = true;
    const drafts = settled.filter((r) => r.status !== 'posted' || postedChanges === null);
    const found = await fetchInvoicesById(
      ctx.bc,
      drafts.map((r) => r.bc_invoice_id!),
    );
    for (const [id, invoice] of postedChanges ?? []) if (!found.has(id)) found.set(id, invoice);
    const now = ctx.clock();
    await ctx.db.transaction().execute(async (trx) => {
      for (const { run_state: _runState, ...invoice } of settled) {
        const bcInvoice = found.get(invoice.bc_invoice_id!.toLowerCase());
        const decision = decide({ status: invoice.status, postedNumber: invoice.posted_number }, bcInvoice);
        await applyDecision(trx, invoice, decision, now);
        const payment = decision.kind === 'deleted' ? undefined : paymentFieldsOf(bcInvoice, invoice.currency);
        const paymentMoved = payment !== undefined && paymentChanged(invoice, payment);
        if (paymentMoved) await applyPayment(trx, invoice, payment, now);
        if (decision.kind === 'unchanged' && !paymentMoved) report.unchanged += 1;
        else if (decision.kind === 'deleted') report.removed += 1;
        else report.updated += 1;
      }
    });
    done += rows.length;
    ctx.progress({ phase: 'reconcile', done, total });
  }
  await finish();
  logger.info({ ...report, postedChanged: postedChanges?.size ?? null }, 'reconciled invoices with Business Central');
  return report;
};
