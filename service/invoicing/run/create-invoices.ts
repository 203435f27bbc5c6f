import { BC_BATCH_MAX_OPERATIONS, type BcBatchResult } from '../../clients/business-central/bc-batch';
import { salesInvoiceSchema, type SalesInvoice } from '../../clients/business-central/schemas/sales-invoice';
import { HttpError } from '../../clients/http/http-error';
import { toIsoUtc } from '../../store/columns';
import type { Row } from '../../store/database';
import { chunk, inPool } from './bc-pool';
import { RunStoppedError } from './errors';
import { findInvoicesByKey } from './find-invoices';
import { invoiceBody, lineTerms } from './invoice-body';
import { invoiceUrl, type InvoiceLinks } from './invoice-links';
import type { LineRow } from './line-rows';
import { DEFAULT_VAT_PERCENT, type PriceTerms } from './price-terms';
import type { RunContext } from './run-context';
import { failInvoices, refreshCounts, type InvoiceFailure } from './settle';

/** Business Central processes 5 requests per user at a time. */
const BATCHES_IN_FLIGHT = 5;
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
 * Create: first adopt what Business Central already holds under our keys (a run killed between
 * creating and recording), then POST the rest as drafts with deep-inserted lines, in $batch
 * requests of up to 100 without snapshot isolation (one invalid invoice fails alone), at most 5 in
 * flight. A create without a clear answer is looked up again before it is sent again; beyond the
 * rounds the run stops, resumably.
 */
export async function createInvoices(ctx: RunContext, deps: CreateDeps): Promise<void> {
  let lastProblem: unknown;
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

    const existing = await findInvoicesByKey(ctx.bc, pending.map((i) => i.external_document_number));
    await markCreated(ctx, deps, pending.flatMap((invoice) => {
      const bc = existing.get(invoice.external_document_number.toUpperCase());
      return bc ? [{ invoice, bc }] : [];
    }));
    const rest = pending.filter((i) => !existing.has(i.external_document_number.toUpperCase()));
    if (rest.length === 0) return;

    const lines = await linesByInvoice(ctx, rest.map((i) => i.id));
    await inPool(chunk(rest, BC_BATCH_MAX_OPERATIONS), BATCHES_IN_FLIGHT, async (batch) => {
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
        ctx.logger.warn({ err: err.message, invoices: batch.length }, 'create batch without an answer: looked up before it is sent again');
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
