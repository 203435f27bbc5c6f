import { type BcBatchResult } from '../../clients/business-central/bc-batch';
import { salesInvoiceSchema, type SalesInvoice } from '../../clients/business-central/schemas/sales-invoice';
import { HttpError } from '../../clients/http/http-error';
import { toIsoUtc } from '../../store/columns';
import type { Row } from '../../store/database';
import { chunk, inPool } from './bc-pool';
import { RunStoppedError } from './errors';
import { liveInvoicesByKey } from './keep-one-per-key';
import { awaitSettledKeys } from './lost-answer-wait';
import { invoiceBody, lineTerms } from './invoice-body';
import { invoiceUrl, type InvoiceLinks } from './invoice-links';
import type { LineRow } from './line-rows';
import { DEFAULT_VAT_PERCENT, type PriceTerms } from './price-terms';
import type { RunContext } from './run-context';
import { failInvoices, refreshCounts, type InvoiceFailure } from './settle';

/** Business Central processes 5 requests per user at a time. */
const BATCHES_IN_FLIGHT = 5;
/**
 * Invoices per create `$batch`: Business Central creates them one after another (about 1 s each on
 * a slow tenant), so a batch of 100 could outlast any sensible timeout while the server goes on
 * creating. 20 keep a batch well inside the client's timeout, which grows with the batch.
 */
export const CREATE_BATCH_SIZE = 20;
/** Lookup-then-create rounds for invoices whose create had no clear answer (5xx, reset, timeout). */
const MAX_ROUNDS = 4;

export interface CreateDeps {
  terms: PriceTerms;
  /** The Bookings currency as Business Central wants it: '' for its local currency. */
  currencyCode: (bookingsCurrency: string) => string;
  links: InvoiceLinks;
  companyId: string;
}

type InvoiceRow = Row<'invoices'>;

/** Errors that say what is wrong with this invoice (validation, blocked customer, missing item): it fails alone. */
function isDefinitive(result: Extract<BcBatchResult<SalesInvoice>, { ok: false }>): boolean {
  if (result.retryable || !(result.error instanceof HttpError)) return false;
  return result.error.reason === 'client' || result.error.reason === 'not-found' || result.error.reason === 'conflict';
}

function failureText(error: Error): string {
  return error instanceof HttpError && error.serviceMessage ? error.serviceMessage : error.message;
}

export async function linesByInvoice(ctx: RunContext, invoiceIds: readonly string[]): Promise<Map<string, LineRow[]>> {
  const out = new Map<string, LineRow[]>();
  for (const part of chunk(invoiceIds, 500)) {
    const rows = await ctx.db.selectFrom('invoice_lines').selectAll().where('invoice_id', 'in', part).orderBy('position').execute();
    for (const row of rows) out.set(row.invoice_id, [...(out.get(row.invoice_id) ?? []), row]);
  }
  return out;
}

async function markCreated(ctx: RunContext, deps: CreateDeps, created: ReadonlyArray<{ invoice: InvoiceRow; bc: SalesInvoice }>): Promise<void> {
  if (created.length === 0) return;
  const now = toIsoUtc(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    for (const { invoice, bc } of created) {
      const url = invoiceUrl(deps.links, { companyId: deps.companyId, bcInvoiceId: bc.id, number: bc.number, posted: false });
      await trx
        .updateTable('invoices')
        .set({ status: 'created', bc_invoice_id: bc.id, bc_number: bc.number, url, updated_at: now })
        .where('id', '=', invoice.id)
        .where('status', '=', 'planned')
        .execute();
    }
    await refreshCounts(trx, ctx.runId, now);
  });
}

function bodyOf(ctx: RunContext, deps: CreateDeps, invoice: InvoiceRow, lines: readonly LineRow[]) {
  const customerId = invoice.bc_customer_id!;
  const pricesIncludeTax = deps.terms.customerPricesIncludeTax.get(customerId.toLowerCase()) ?? ctx.setup.pricesIncludeVat;
  return invoiceBody({
    customerId,
    externalDocumentNumber: invoice.external_document_number,
    invoiceDate: invoice.invoice_date,
    currencyCode: deps.currencyCode(invoice.currency),
    lines: lines.map((row) =>
      lineTerms(
        row,
        {
          pricesIncludeTax,
          vatPercent: deps.terms.itemVatPercent.get(row.bc_item_id.toLowerCase()) ?? DEFAULT_VAT_PERCENT,
          bookingsPricesIncludeVat: ctx.setup.pricesIncludeVat,
        },
        ctx.setup.dailySummary.timeZone,
      ),
    ),
  });
}

/**
 * After a batch whose answer was lost, waits until what Business Central holds under its keys has
 * settled (it may still be creating); a run that cannot tell stops, leaving them planned.
 */
async function settleLostAnswers(ctx: RunContext, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const settled = await awaitSettledKeys(keys, async (ks) => new Set((await liveInvoicesByKey(ctx, ks)).keys()), ctx.lostAnswerWait);
  if (settled === undefined) {
    throw new RunStoppedError(`Business Central did not settle whether ${keys.length} invoice(s) were created; nothing was sent again and the run resumes later`);
  }
}

/**
 * Create: first adopt what Business Central already holds under our keys (a run killed between
 * creating and recording), then POST the rest as drafts with deep-inserted lines, in $batch
 * requests of CREATE_BATCH_SIZE without snapshot isolation (one invalid invoice fails alone), at
 * most 5 in flight. A batch whose answer was lost is watched until its keys settle, and every
 * create without a clear answer is looked up before it is sent again: never a second draft for a
 * key whose first one's fate is unknown. Beyond the rounds the run stops, resumably.
 */
export async function createInvoices(ctx: RunContext, deps: CreateDeps): Promise<void> {
  let lastProblem: unknown;
  let lostKeys: string[] = [];
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const pending = await ctx.db
      .selectFrom('invoices')
      .selectAll()
      .where('run_id', '=', ctx.runId)
      .where('status', '=', 'planned')
      .where('bc_customer_id', 'is not', null)
      .orderBy('position')
      .execute();
    if (pending.length === 0) return;

    await settleLostAnswers(ctx, lostKeys);
    lostKeys = [];
    const existing = await liveInvoicesByKey(ctx, pending.map((i) => i.external_document_number));
    await markCreated(ctx, deps, pending.flatMap((invoice) => {
      const bc = existing.get(invoice.external_document_number.toUpperCase());
      return bc ? [{ invoice, bc }] : [];
    }));
    const rest = pending.filter((i) => !existing.has(i.external_document_number.toUpperCase()));
    if (rest.length === 0) return;

    const lines = await linesByInvoice(ctx, rest.map((i) => i.id));
    await inPool(chunk(rest, CREATE_BATCH_SIZE), BATCHES_IN_FLIGHT, async (batch) => {
      const operations = batch.map((invoice) => ({
        id: String(invoice.position + 1),
        method: 'POST' as const,
        path: 'salesInvoices',
        body: bodyOf(ctx, deps, invoice, lines.get(invoice.id) ?? []),
        schema: salesInvoiceSchema,
        entity: 'salesInvoice',
      }));
      let results: BcBatchResult<SalesInvoice>[];
      try {
        results = await ctx.bc.batch(operations);
      } catch (err) {
        if (!(err instanceof HttpError) || err.reason === 'auth') throw err;
        lastProblem = err;
        lostKeys.push(...batch.map((i) => i.external_document_number.toUpperCase()));
        ctx.logger.warn({ err: err.message, invoices: batch.length }, 'create batch without an answer: watched until settled before anything is sent again');
        return;
      }
      await ctx.failAt('after-create');
      const created: { invoice: InvoiceRow; bc: SalesInvoice }[] = [];
      const failures: InvoiceFailure[] = [];
      results.forEach((result, i) => {
        const invoice = batch[i]!;
        if (result.ok) created.push({ invoice, bc: result.value });
        else if (isDefinitive(result)) failures.push({ invoiceId: invoice.id, error: failureText(result.error) });
        else lastProblem = result.error;
      });
      await markCreated(ctx, deps, created);
      await failInvoices(ctx, failures);
    });
  }
  const still = await ctx.db.selectFrom('invoices').select('id').where('run_id', '=', ctx.runId).where('status', '=', 'planned').where('bc_customer_id', 'is not', null).execute();
  if (still.length > 0) {
    const why = lastProblem instanceof Error ? lastProblem.message : 'no clear answer';
    throw new RunStoppedError(`Business Central did not confirm ${still.length} invoice(s) after ${MAX_ROUNDS} attempts (${why}); the run resumes later`, { cause: lastProblem });
  }
}
