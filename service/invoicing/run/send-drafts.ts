import type { BcBatchOperation, BcBatchResult } from '../../clients/business-central/bc-batch';
import {
  salesInvoiceLineSchema,
  salesInvoiceSchema,
  type SalesInvoice,
  type SalesInvoiceCreate,
  type SalesInvoiceLine,
} from '../../clients/business-central/schemas/sales-invoice';
import { HttpError } from '../../clients/http/http-error';
import type { Row } from '../../store/database';
import { chunk, inPool } from './bc-pool';
import { invoiceBody, lineBody, lineTerms } from './invoice-body';
import type { LineRow } from './line-rows';
import { DEFAULT_VAT_PERCENT, rememberPriceTerms, type PriceTerms } from './price-terms';
import type { RunContext } from './run-context';
import { STORED_INVOICE_ERRORS } from './invoice-error-words';

/** Business Central processes 5 requests per user at a time. */
const BATCHES_IN_FLIGHT = 5;
/**
 * At most this many operations per create `$batch`: Business Central carries them out one after
 * another (about 1 s per invoice on a slow tenant), so a batch of 100 could outlast any sensible
 * timeout while the server goes on creating; the client's timeout grows by its per-operation
 * allowance with each one, so 50 stay inside it. 50 operations of ~5 ms make a round trip's
 * latency a tenth of a batch's time (20 made it a fifth), and fewer keys wait after a lost answer
 * than 100 would.
 */
export const CREATE_BATCH_SIZE = 50;

type InvoiceRow = Row<'invoices'>;
export type Draft = { invoice: InvoiceRow; bc: SalesInvoice };

export interface DraftDeps {
  terms: PriceTerms;
  /** The Bookings currency as Business Central wants it: '' for its local currency. */
  currencyCode: (bookingsCurrency: string) => string;
}

/** What one round of sending came to; invoices in none of the lists were left for the next round. */
export interface SendOutcome {
  created: Array<{ invoice: InvoiceRow; bc: SalesInvoice }>;
  failed: Array<{ invoiceId: string; error: string }>;
  /** Keys whose request had no answer at all: Business Central may still be working on them. */
  lost: string[];
  /** The last failure without a clear answer, for the message when the rounds run out. */
  problem: unknown;
}

/** Errors that say what is wrong with this invoice (validation, blocked customer, missing item): it fails alone. */
function isDefinitive(result: Extract<BcBatchResult<unknown>, { ok: false }>): boolean {
  if (result.retryable || !(result.error instanceof HttpError)) return false;
  return result.error.reason === 'client' || result.error.reason === 'not-found' || result.error.reason === 'conflict';
}

/** Business Central's own reason (it says what is wrong with the invoice), without its correlation id; the rest is for the log. */
function failureText(error: Error): string {
  if (error instanceof HttpError && error.serviceMessage) return error.serviceMessage.replace(/\s*CorrelationId:\s*[\w-]*\.?/gi, '').trim();
  return STORED_INVOICE_ERRORS.bcRefused;
}

const keyOf = (invoice: InvoiceRow) => invoice.external_document_number.toUpperCase();

function linesFor(ctx: RunContext, deps: DraftDeps, rows: readonly LineRow[], pricesIncludeTax: boolean) {
  return rows.map((row) =>
    lineTerms(
      row,
      {
        pricesIncludeTax,
        vatPercent: deps.terms.itemVatPercent.get(row.bc_item_id.toLowerCase()) ?? DEFAULT_VAT_PERCENT,
        bookingsPricesIncludeVat: ctx.setup.pricesIncludeVat,
      },
      ctx.setup.dailySummary.timeZone,
    ),
  );
}

function header(ctx: RunContext, deps: DraftDeps, invoice: InvoiceRow): SalesInvoiceCreate {
  const { salesInvoiceLines: _none, ...body } = invoiceBody({
    customerId: invoice.bc_customer_id!,
    externalDocumentNumber: invoice.external_document_number,
    invoiceDate: invoice.invoice_date,
    currencyCode: deps.currencyCode(invoice.currency),
    lines: [],
  });
  return body;
}

/** One batch of operations, one per item; a batch without an answer puts its items' keys in `lost`. */
async function sendBatch<T, I>(
  ctx: RunContext,
  out: SendOutcome,
  items: readonly I[],
  operation: (item: I) => BcBatchOperation<T>,
  invoiceOf: (item: I) => InvoiceRow,
): Promise<BcBatchResult<T>[] | undefined> {
  try {
    return await ctx.bc.batch(items.map(operation));
  } catch (err) {
    if (!(err instanceof HttpError) || err.reason === 'auth') throw err;
    out.problem = err;
    out.lost.push(...new Set(items.map((i) => keyOf(invoiceOf(i)))));
    ctx.logger.warn({ err: err.message, operations: items.length }, 'create batch without an answer: watched until settled before anything is sent again');
    return undefined;
  }
}

/** Customers whose price basis an earlier draft showed: the draft and its lines in one request. */
async function deepInsert(ctx: RunContext, deps: DraftDeps, invoices: readonly InvoiceRow[], lines: ReadonlyMap<string, LineRow[]>, out: SendOutcome) {
  if (invoices.length === 0) return;
  await inPool(chunk(invoices, CREATE_BATCH_SIZE), BATCHES_IN_FLIGHT, async (batch) => {
    const results = await sendBatch(
      ctx,
      out,
      batch,
      (invoice): BcBatchOperation<SalesInvoice> => {
        const basis = deps.terms.customerPricesIncludeTax.get(invoice.bc_customer_id!.toLowerCase())!;
        const body: SalesInvoiceCreate = {
          ...header(ctx, deps, invoice),
          salesInvoiceLines: linesFor(ctx, deps, lines.get(invoice.id) ?? [], basis).map(lineBody),
        };
        return { id: String(invoice.position + 1), method: 'POST', path: 'salesInvoices', body, schema: salesInvoiceSchema, entity: 'salesInvoice' };
      },
      (invoice) => invoice,
    );
    await ctx.failAt('after-create');
    results?.forEach((result, i) => {
      const invoice = batch[i]!;
      if (result.ok) out.created.push({ invoice, bc: result.value });
      else if (isDefinitive(result)) out.failed.push({ invoiceId: invoice.id, error: failureText(result.error) });
      else out.problem = result.error;
    });
  });
}

/**
 * Customers whose price basis is not known yet (Business Central shows "Prices Including VAT" only
 * on an invoice): the header first, whose `pricesIncludeTax` tells how to price the lines, then
 * the lines (addLines). The draft is right the first time; the basis is remembered for deep inserts later.
 */
async function createHeaders(ctx: RunContext, deps: DraftDeps, invoices: readonly InvoiceRow[], out: SendOutcome): Promise<Draft[]> {
  const headers: Draft[] = [];
  await inPool(chunk(invoices, CREATE_BATCH_SIZE), BATCHES_IN_FLIGHT, async (batch) => {
    const results = await sendBatch(
      ctx,
      out,
      batch,
      (invoice): BcBatchOperation<SalesInvoice> => ({
        id: String(invoice.position + 1),
        method: 'POST',
        path: 'salesInvoices',
        body: header(ctx, deps, invoice),
        schema: salesInvoiceSchema,
        entity: 'salesInvoice',
      }),
      (invoice) => invoice,
    );
    results?.forEach((result, i) => {
      const invoice = batch[i]!;
      if (result.ok) headers.push({ invoice, bc: result.value });
      else if (isDefinitive(result)) out.failed.push({ invoiceId: invoice.id, error: failureText(result.error) });
      else out.problem = result.error;
    });
  });
  return headers;
}

/** The lines of drafts whose header exists without them, priced in the basis the header shows. */
async function addLines(ctx: RunContext, deps: DraftDeps, headers: readonly Draft[], lines: ReadonlyMap<string, LineRow[]>, out: SendOutcome): Promise<void> {
  if (headers.length === 0) return;
  const learnt = new Map(headers.map(({ invoice, bc }) => [invoice.bc_customer_id!, bc.pricesIncludeTax]));
  await rememberPriceTerms(ctx.db, ctx.businessId, { customers: learnt, items: new Map() }, ctx.now());

  const lineOps = headers.flatMap(({ invoice, bc }) =>
    linesFor(ctx, deps, lines.get(invoice.id) ?? [], bc.pricesIncludeTax).map((terms) => ({ invoice, bc, body: lineBody(terms) })),
  );
  // Per invoice: undefined while every line went in, null when one has no clear answer, else the refusal.
  const lineFailures = new Map<string, string | null>();
  await inPool(chunk(lineOps, CREATE_BATCH_SIZE), BATCHES_IN_FLIGHT, async (batch) => {
    const results = await sendBatch<SalesInvoiceLine, (typeof batch)[number]>(
      ctx,
      out,
      batch,
      (op) => ({
        method: 'POST',
        path: `salesInvoices(${op.bc.id})/salesInvoiceLines`,
        body: op.body,
        schema: salesInvoiceLineSchema,
        entity: 'salesInvoiceLine',
      }),
      (op) => op.invoice,
    );
    if (results === undefined) for (const op of batch) lineFailures.set(op.invoice.id, lineFailures.get(op.invoice.id) ?? null);
    results?.forEach((result, i) => {
      const { invoice } = batch[i]!;
      if (result.ok) return;
      if (isDefinitive(result)) lineFailures.set(invoice.id, failureText(result.error));
      else {
        out.problem = result.error;
        lineFailures.set(invoice.id, lineFailures.get(invoice.id) ?? null);
      }
    });
  });
  await ctx.failAt('after-create');
  for (const draft of headers) {
    const failure = lineFailures.get(draft.invoice.id);
    // A draft left incomplete is looked at again by the next round; a refused line fails the invoice.
    if (failure === undefined) out.created.push(draft);
    else if (failure !== null) out.failed.push({ invoiceId: draft.invoice.id, error: failure });
  }
}

/**
 * Sends the drafts of one round: deep inserts where the customer's price basis is known, header
 * first elsewhere; `headersOnly` are drafts found with their header but no lines (a round cut short).
 */
export async function sendDrafts(
  ctx: RunContext,
  deps: DraftDeps,
  input: { invoices: readonly InvoiceRow[]; headersOnly: readonly Draft[]; lines: ReadonlyMap<string, LineRow[]> },
): Promise<SendOutcome> {
  const out: SendOutcome = { created: [], failed: [], lost: [], problem: undefined };
  const known = (i: InvoiceRow) => deps.terms.customerPricesIncludeTax.has(i.bc_customer_id!.toLowerCase());
  const headerFirst = async () => {
    const headers = await createHeaders(
      ctx,
      deps,
      input.invoices.filter((i) => !known(i)),
      out,
    );
    if (headers.length > 0) await ctx.failAt('after-headers');
    await addLines(ctx, deps, [...input.headersOnly, ...headers], input.lines, out);
  };
  await Promise.all([deepInsert(ctx, deps, input.invoices.filter(known), input.lines, out), headerFirst()]);
  return out;
}
