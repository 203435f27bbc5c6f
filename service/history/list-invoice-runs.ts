import type { Kysely } from 'kysely';
import { z } from 'zod';
import { money, totalsByCurrency, type Money } from '../domain/money';
import type { InvoiceRunner } from '../invoicing/run/invoice-runner';
import { isTerminal, runSourceSchema, runStateSchema, type RunResult, type RunSummary } from '../invoicing/run/run-schemas';
import { LIVE_STATUSES, toRunInvoice } from '../invoicing/run/run-view';
import { namesOf } from '../identity/people';
import { paymentOf } from '../payments/list-payments';
import { paymentState } from '../payments/payment-state';
import type { Database } from '../store/database';
import {
  listInvoiceRunsRequestSchema,
  listRunInvoicesRequestSchema,
  type InvoiceRunPage,
  type ListInvoiceRunsRequest,
  type ListRunInvoicesRequest,
  type RunInvoicePage,
} from './history-schemas';
import { whoOf } from './who';
import { businessKey } from '../domain/business-key';

const skippedCountSchema = z.array(z.unknown());

/** How many appointments a run skipped; a stored list that does not parse counts as none rather than hide the run. */
function skippedCount(text: string | null): number {
  if (text === null) return 0;
  try {
    const parsed = skippedCountSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.length : 0;
  } catch {
    return 0;
  }
}

/** Invoice runs of a business, newest first, with counts and the totals of their live invoices. */
export async function listInvoiceRuns(db: Kysely<Database>, input: ListInvoiceRunsRequest): Promise<InvoiceRunPage> {
  const request = listInvoiceRunsRequestSchema.parse(input);
  const businessId = businessKey(request.businessId);
  let base = db.selectFrom('invoice_runs').where('business_id', '=', businessId);
  if (request.source !== undefined) base = base.where('source', '=', request.source);
  const [counted, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow(),
    base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').offset(request.offset).limit(request.limit).execute(),
  ]);
  const names = await namesOf(
    db,
    rows.map((r) => r.requested_by),
  );
  const totals = new Map<string, Money[]>();
  if (rows.length > 0) {
    const sums = await db
      .selectFrom('invoices')
      .select(['run_id', 'currency', (eb) => eb.fn.sum<number | string>('amount_minor').as('minor')])
      .where(
        'run_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('status', 'in', [...LIVE_STATUSES])
      .groupBy(['run_id', 'currency'])
      .execute();
    for (const sum of sums) totals.set(sum.run_id, [...(totals.get(sum.run_id) ?? []), money(Number(sum.minor), sum.currency)]);
  }
  return {
    runs: rows.map((row) => {
      const state = runStateSchema.parse(row.state);
      return {
        id: row.id,
        requestedBy: row.requested_by,
        who: whoOf(row.requested_by, names),
        source: runSourceSchema.parse(row.source),
        createdAt: row.created_at,
        finishedAt: row.finished_at,
        state,
        finished: isTerminal(state),
        counts: { planned: row.planned_count, created: row.created_count, failed: row.failed_count, skipped: skippedCount(row.skipped) },
        totals: totalsByCurrency(totals.get(row.id) ?? []),
        failures: row.failed_count,
        retryOf: row.retry_of,
        error: row.error,
      };
    }),
    total: Number(counted.n),
    offset: request.offset,
    limit: request.limit,
  };
}

async function businessRunId(db: Kysely<Database>, request: { businessId: string; runId: string }): Promise<string | null> {
  const row = await db
    .selectFrom('invoice_runs')
    .select('id')
    .where('id', '=', request.runId)
    .where('business_id', '=', businessKey(request.businessId))
    .executeTakeFirst();
  return row === undefined ? null : row.id;
}

/** One run in full (invoices with links, failures, skipped), or null when it is not this business's. */
export async function getInvoiceRun(
  db: Kysely<Database>,
  runner: Pick<InvoiceRunner, 'getRun'>,
  request: { businessId: string; runId: string },
): Promise<RunResult | null> {
  const id = await businessRunId(db, request);
  return id === null ? null : runner.getRun(id);
}

/** One run without its invoices (state, counts, progress, totals), or null when it is not this business's. */
export async function getInvoiceRunSummary(
  db: Kysely<Database>,
  runner: Pick<InvoiceRunner, 'getRunSummary'>,
  request: { businessId: string; runId: string },
): Promise<RunSummary | null> {
  const id = await businessRunId(db, request);
  return id === null ? null : runner.getRunSummary(id);
}

/**
 * A page of a run's invoices in the order the run planned them, each with its payment state on
 * `today` (the business's local date), or null when the run is not this business's.
 */
export async function listRunInvoices(db: Kysely<Database>, input: ListRunInvoicesRequest, today: string): Promise<RunInvoicePage | null> {
  const request = listRunInvoicesRequestSchema.parse(input);
  const run = await db
    .selectFrom('invoice_runs')
    .select('id')
    .where('id', '=', request.runId)
    .where('business_id', '=', businessKey(request.businessId))
    .executeTakeFirst();
  if (run === undefined) return null;
  const base = db.selectFrom('invoices').where('run_id', '=', run.id);
  const [counted, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow(),
    base.selectAll().orderBy('position').orderBy('id').offset(request.offset).limit(request.limit).execute(),
  ]);
  const invoices = rows.map((row) => {
    const payment = paymentOf(row);
    return { ...toRunInvoice(row), paymentState: paymentState({ status: row.status, payment }, today), payment };
  });
  return { invoices, total: Number(counted.n), offset: request.offset, limit: request.limit, today };
}
