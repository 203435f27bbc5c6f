import { readStaffNames } from '../../catalog/catalog';
import { claim, releasePartialClaim } from './claim';
import { createInvoices } from './create-invoices';
import { ensureCustomers } from './ensure-customers';
import { resolveInDoubt } from './in-doubt';
import { bcCurrencyCode } from './invoice-body';
import type { InvoiceLinks } from './invoice-links';
import { planInvoices } from './plan-invoices';
import { readPriceTerms } from './price-terms';
import { rereadSelection } from './reread-bookings';
import { resolveSelectionIds } from './resolve-ids';
import type { RunContext } from './run-context';
import { readRunSummary, LIVE_STATUSES } from './run-view';
import { money } from '../../domain/money';
import { invoiceStatusSchema, RUN_STATES, type RunState, type RunSummary, type Selection } from './run-schemas';
import type { RunStore } from './run-store';
import { recordInvoicesIn } from './settle';
import { verifyInvoices, verifyWhileCreating } from './verify-invoices';
import { postVerifiedDrafts } from './after-create';
import { afterCreateSchema } from '../../setup/setup-schema';
import { audit } from '../../history/audit';

export interface ExecuteDeps {
  runs: RunStore;
  links: InvoiceLinks;
  companyId: string;
  selection: Selection;
}

/** Plan (with the Bookings re-read) and claim; a run resumed in 'planned' state undoes a claim cut short and does both again. */
async function planAndClaim(ctx: RunContext, deps: ExecuteDeps): Promise<void> {
  await releasePartialClaim(ctx);
  const now = ctx.now();
  const ids = await resolveSelectionIds(ctx.db, deps.selection, { businessId: ctx.businessId, now, setup: ctx.setup });
  // Drafts an earlier run gave up on may have come after all: settled before these appointments are planned again.
  await resolveInDoubt({ ...ctx, links: deps.links, companyId: deps.companyId }, { appointmentIds: ids });
  await rereadSelection(ctx, ids);
  const plan = await planInvoices({ db: ctx.db, setup: ctx.setup, businessId: ctx.businessId, now: ctx.now(), ids }, ctx.chunkSize);
  const staffNames = plan.groups.length === 0 ? new Map<string, string>() : await readStaffNames(ctx.bookings, ctx.setup.businessId);
  await ctx.failAt('after-plan');
  await claim(ctx, plan, staffNames);
  await ctx.failAt('after-claim');
}

/** Record: verified invoices' lines and appointments become invoiced. */
const record = (ctx: RunContext) => recordInvoicesIn(ctx, ['verified', 'mismatch']);

/** Invoices that exist in Business Central as Bookings says: a 'mismatch' (a wrong draft that could not be deleted) is a failure. */
const RIGHT_STATUSES: readonly string[] = LIVE_STATUSES.filter((s) => s !== 'mismatch');

function finalState(byStatus: RunSummary['byStatus']): RunState {
  let all = 0;
  let right = 0;
  for (const [status, count] of Object.entries(byStatus)) {
    all += count;
    if (RIGHT_STATUSES.includes(status)) right += count;
  }
  if (all === 0) return 'nothing';
  if (right === all) return 'succeeded';
  return right === 0 ? 'failed' : 'partial';
}

/** How many no-shows and late cancellations the run billed as their fees: the audit says so beside its invoices. */
async function billedFees(ctx: RunContext): Promise<{ noShowFees?: number; lateCancellationFees?: number }> {
  const rows = await ctx.db
    .selectFrom('invoice_lines')
    .select(['fee_kind', (eb) => eb.fn.countAll<number>().as('count')])
    .where('run_id', '=', ctx.runId)
    .where('state', '=', 'invoiced')
    .where('fee_kind', 'is not', null)
    .groupBy('fee_kind')
    .execute();
  const count = (kind: string) => Number(rows.find((r) => r.fee_kind === kind)?.count ?? 0);
  const noShow = count('no-show');
  const late = count('late-cancellation');
  return { ...(noShow > 0 ? { noShowFees: noShow } : {}), ...(late > 0 ? { lateCancellationFees: late } : {}) };
}

/** The run's end: its state from its invoices, and `error` when it gave up (then it failed, even with nothing to invoice). */
export async function finish(ctx: RunContext, runs: RunStore, error: string | null = null): Promise<void> {
  // The summary and the audit's few columns of each invoice, not readRun(): its whole rows and their
  // parsed forms were a heap spike of tens of MB at the end of a run of thousands of invoices.
  const run = await readRunSummary(ctx.db, ctx.runId);
  const derived = finalState(run.byStatus);
  const state = error !== null && derived === 'nothing' ? 'failed' : derived;
  const now = ctx.now();
  const fees = await billedFees(ctx);
  const invoices = await auditedInvoices(ctx);
  // The audit entry and the end in one transaction, as holder: a process that lost the run ends nothing.
  await ctx.asHolder(async (trx) => {
    await audit(trx, {
      at: now,
      actor: run.requestedBy,
      source: run.source,
      action: 'invoice.run',
      subject: ctx.runId,
      details: {
        state,
        ...(error === null ? {} : { error }),
        selection: run.selection,
        retryOf: run.retryOf,
        counts: { planned: run.progress.planned, created: run.progress.created, failed: run.progress.failed, skipped: run.skippedCount },
        totals: run.totals,
        invoices,
        ...fees,
      },
    });
    await runs.finish(ctx.runId, state, run.totals, now, error, trx);
  });
}

/** What the audit says of each invoice of the run, in the run's order (as readRun lists them). */
async function auditedInvoices(ctx: RunContext) {
  const rows = await ctx.db
    .selectFrom('invoices')
    .select(['posted_number', 'bc_number', 'url', 'amount_minor', 'currency', 'status', 'error', 'verify_problem'])
    .where('run_id', '=', ctx.runId)
    .orderBy('position')
    .execute();
  return rows.map((i) => ({
    number: i.posted_number ?? i.bc_number,
    url: i.url,
    amount: money(i.amount_minor, i.currency),
    status: invoiceStatusSchema.parse(i.status),
    error: i.error ?? i.verify_problem,
  }));
}

/**
 * One run from wherever it stands to its end. Every step only takes up rows in its input status,
 * so a run killed at any point and executed again (same id) neither repeats nor loses an invoice.
 */
export async function executeRun(ctx: RunContext, deps: ExecuteDeps): Promise<void> {
  const { runs } = deps;
  const row = await runs.get(ctx.runId);
  if (row === undefined) return;
  if (row.state === 'planned') await planAndClaim(ctx, deps);

  const planned = await ctx.db.selectFrom('invoices').select('id').where('run_id', '=', ctx.runId).executeTakeFirst();
  if (planned === undefined) {
    await finish(ctx, runs);
    return;
  }
  // Drafts are sent only once the run is 'creating': a run found before that state has none in Business Central yet.
  const nothingSent = (RUN_STATES as readonly string[]).indexOf(row.state) < RUN_STATES.indexOf('creating');
  await ensureCustomers(ctx);
  await ctx.failAt('after-customers');
  await runs.advance(ctx.runId, 'creating', 'create', ctx.now());

  const terms = await readPriceTerms(ctx.db, ctx.businessId);
  const info = await ctx.bc.getCompanyInformation();
  const verifying = verifyWhileCreating(ctx, { terms, links: deps.links, companyId: deps.companyId });
  try {
    await createInvoices(ctx, {
      terms,
      currencyCode: (currency) => bcCurrencyCode(currency, info.currencyCode),
      links: deps.links,
      companyId: deps.companyId,
      nothingSent,
      onCreated: (ids) => verifying.created(ids),
    });
  } catch (err) {
    verifying.stop();
    throw err;
  } finally {
    // Nothing of the run goes on after it stopped or moved on.
    await verifying.done();
  }
  await runs.advance(ctx.runId, 'verifying', 'verify', ctx.now());

  await verifyInvoices(ctx, { terms, links: deps.links, companyId: deps.companyId });
  await ctx.failAt('after-verify');
  await record(ctx);
  await ctx.failAt('after-record');
  // Chosen when the run started (the setup's, or the invoicer's for this run), so a resume does the same.
  await postVerifiedDrafts(ctx, afterCreateSchema.catch('draft').parse(row.after_create));
  await finish(ctx, runs);
}
