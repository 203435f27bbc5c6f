import type { BcBatchOperation, BcBatchResult } from '../../clients/business-central/bc-batch';
import { BC_BATCH_MAX_OPERATIONS } from '../../clients/business-central/bc-batch';
import { salesInvoiceSchema, type SalesInvoice, type SalesInvoiceCreate } from '../../clients/business-central/schemas/sales-invoice';
import { HttpError } from '../../clients/http/http-error';
import type { Row } from '../../store/database';
import { inPool } from '../../clients/http/in-pool';
import { chunk } from '../../domain/chunks';
import { invoiceBody, lineCorrection, lineDiffers, lineTerms, termsForDraft } from './invoice-body';
import { itemLines } from './item-lines';
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

/**
 * The create answers with the draft's lines (their ids and ETags, for a correction without a read).
 * OData has a 201 answer to a deep insert expanded to the level of the request; `$expand` asks for
 * it in so many words, and Business Central honours query options on POST.
 */
const CREATE_PATH = 'salesInvoices?$expand=salesInvoiceLines';

type InvoiceRow = Row<'invoices'>;
export type Draft = { invoice: InvoiceRow; bc: SalesInvoice };

/** What recording a created draft needs: its invoice's id and Business Central's id and number, the rest of the answer let go. */
export type Created = { invoiceId: string; bc: Pick<SalesInvoice, 'id' | 'number'> };

export const createdOf = ({ invoice, bc }: Draft): Created => ({ invoiceId: invoice.id, bc: { id: bc.id, number: bc.number } });

export interface DraftDeps {
  terms: PriceTerms;
  /** The Bookings currency as Business Central wants it: '' for its local currency. */
  currencyCode: (bookingsCurrency: string) => string;
}

/** What sending one page of a round came to; invoices in none of the lists were left for the next round. */
export interface SendOutcome {
  created: Created[];
  failed: Array<{ invoiceId: string; error: string }>;
  /** Keys whose create had no answer at all: Business Central may still be working on them. */
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

/**
 * The price basis to price a customer's lines in before Business Central shows it (it shows
 * "Prices Including VAT" only on an invoice): the customer's own from an earlier draft, else the
 * one most recently seen for this company's customers (this run's answers included), else the
 * Bookings prices'. A wrong guess costs a correction of the lines, never a wrong draft.
 */
export class BasisGuess {
  private latest: boolean | undefined;
  constructor(
    private readonly known: Map<string, boolean>,
    latest: boolean | undefined,
    private readonly fallback: boolean,
  ) {
    this.latest = latest;
  }
  of(customerId: string): boolean {
    return this.known.get(customerId.toLowerCase()) ?? this.latest ?? this.fallback;
  }
  learn(customerId: string, pricesIncludeTax: boolean): void {
    this.known.set(customerId.toLowerCase(), pricesIncludeTax);
    this.latest = pricesIncludeTax;
  }
}

/** The guess a run starts from: the customers' bases remembered from earlier runs, else the setup's. */
export const basisGuess = (ctx: RunContext, terms: PriceTerms): BasisGuess =>
  new BasisGuess(new Map(terms.customerPricesIncludeTax), terms.lastCustomerBasis, ctx.setup.pricesIncludeVat);

function body(ctx: RunContext, deps: DraftDeps, invoice: InvoiceRow, rows: readonly LineRow[], on: PricedOn): SalesInvoiceCreate {
  return invoiceBody({
    customerId: invoice.bc_customer_id!,
    externalDocumentNumber: invoice.external_document_number,
    invoiceDate: invoice.invoice_date,
    currencyCode: deps.currencyCode(invoice.currency),
    lines: rows.map((row, i) =>
      lineTerms(
        row,
        { pricesIncludeTax: on.pricesIncludeTax, vatPercent: on.vatPercents[i]!, bookingsPricesIncludeVat: ctx.setup.pricesIncludeVat },
        ctx.setup.dailySummary.timeZone,
      ),
    ),
  });
}

/** The basis and per-line VAT a draft was priced on when it was sent. */
export interface PricedOn {
  pricesIncludeTax: boolean;
  vatPercents: readonly number[];
}

/** The line PATCHes that make a draft what Bookings says, given the basis and VAT it shows; none when it already is. */
function corrections(ctx: RunContext, { invoice, bc }: Draft, rows: readonly LineRow[], pricedOn: PricedOn | undefined): BcBatchOperation[] {
  const bcLines = itemLines(bc);
  // A draft with other lines than ours is not corrected here: the verify step reports (or deletes) it.
  if (bc.status !== 'Draft' || bcLines.length !== rows.length) return [];
  // Priced on the basis it shows (and, where the VAT mattered, on the VAT it shows): right as sent, nothing to price again.
  if (
    pricedOn?.pricesIncludeTax === bc.pricesIncludeTax &&
    (bc.pricesIncludeTax === ctx.setup.pricesIncludeVat || bcLines.every((l, i) => l.taxPercent === pricedOn.vatPercents[i]))
  )
    return [];
  const want = termsForDraft(
    rows,
    { pricesIncludeTax: bc.pricesIncludeTax, taxPercents: bcLines.map((l) => l.taxPercent) },
    { bookingsPricesIncludeVat: ctx.setup.pricesIncludeVat, timeZone: ctx.setup.dailySummary.timeZone },
  );
  return bcLines.flatMap((line, i) => (lineDiffers(line, want[i]!, invoice.currency) ? [lineCorrection(bc.id, line, want[i]!)] : []));
}

/**
 * Corrects the lines of drafts priced on a wrong guess of their basis (or an item's VAT), before
 * they count as created. Answers the drafts that may count as created now: those right already,
 * corrected, or whose correction Business Central refused (the verify step reports or deletes
 * them). A draft whose correction had no answer is left out: it stays planned, and the next
 * round's look-up by key finds it and corrects it again.
 */
export async function correctDrafts(
  ctx: RunContext,
  drafts: readonly Draft[],
  lines: ReadonlyMap<string, LineRow[]>,
  pricedOn: ReadonlyMap<string, PricedOn> = new Map(),
): Promise<{ ready: Draft[]; problem?: unknown }> {
  const fixes = drafts.flatMap((draft) =>
    corrections(ctx, draft, lines.get(draft.invoice.id) ?? [], pricedOn.get(draft.invoice.id)).map((op) => ({ draft, op })),
  );
  if (fixes.length === 0) return { ready: [...drafts] };
  const unsure = new Set<string>();
  let problem: unknown;
  await inPool(chunk(fixes, BC_BATCH_MAX_OPERATIONS), BATCHES_IN_FLIGHT, async (batch) => {
    let results: BcBatchResult<unknown>[];
    try {
      results = await ctx.bc.batch(batch.map((f) => f.op));
    } catch (err) {
      if (!(err instanceof HttpError) || err.reason === 'auth') throw err;
      problem = err;
      for (const f of batch) unsure.add(f.draft.invoice.id);
      return;
    }
    results.forEach((result, i) => {
      if (result.ok) return;
      const { invoice } = batch[i]!.draft;
      if (isDefinitive(result)) ctx.logger.warn({ err: result.error.message, key: keyOf(invoice) }, 'line correction refused: the verify step reports it');
      else {
        problem = result.error;
        unsure.add(invoice.id);
      }
    });
  });
  return { ready: drafts.filter((d) => !unsure.has(d.invoice.id)), problem };
}

/**
 * Sends the drafts of one page of a round, each whole (the draft and its lines in one POST, 50 to a `$batch`,
 * 5 batches at once), priced on the best guess of its customer's basis; a draft whose answer shows
 * another basis has its lines corrected before it counts as created. A batch without an answer
 * puts its keys in `lost`: looked up before anything is sent again.
 */
export async function sendDrafts(
  ctx: RunContext,
  deps: DraftDeps,
  input: { invoices: readonly InvoiceRow[]; lines: ReadonlyMap<string, LineRow[]>; guess: BasisGuess },
): Promise<SendOutcome> {
  const out: SendOutcome = { created: [], failed: [], lost: [], problem: undefined };
  if (input.invoices.length === 0) return out;
  const { guess } = input;
  const learnt = new Map<string, boolean>();
  const pricedOn = new Map<string, PricedOn>();
  await inPool(chunk(input.invoices, CREATE_BATCH_SIZE), BATCHES_IN_FLIGHT, async (batch) => {
    const on = (invoice: InvoiceRow): PricedOn => {
      const priced = {
        pricesIncludeTax: guess.of(invoice.bc_customer_id!),
        vatPercents: (input.lines.get(invoice.id) ?? []).map((row) => deps.terms.itemVatPercent.get(row.bc_item_id.toLowerCase()) ?? DEFAULT_VAT_PERCENT),
      };
      pricedOn.set(invoice.id, priced);
      return priced;
    };
    let results: BcBatchResult<SalesInvoice>[];
    try {
      results = await ctx.bc.batch(
        batch.map((invoice): BcBatchOperation<SalesInvoice> => ({
          id: String(invoice.position + 1),
          method: 'POST',
          path: CREATE_PATH,
          body: body(ctx, deps, invoice, input.lines.get(invoice.id) ?? [], on(invoice)),
          schema: salesInvoiceSchema,
          entity: 'salesInvoice',
        })),
      );
    } catch (err) {
      if (!(err instanceof HttpError) || err.reason === 'auth') throw err;
      out.problem = err;
      out.lost.push(...batch.map(keyOf));
      ctx.logger.warn({ err: err.message, operations: batch.length }, 'create batch without an answer: watched until settled before anything is sent again');
      await ctx.failAt('after-create');
      return;
    }
    const made: Draft[] = [];
    results.forEach((result, i) => {
      const invoice = batch[i]!;
      if (result.ok) {
        made.push({ invoice, bc: result.value });
        guess.learn(invoice.bc_customer_id!, result.value.pricesIncludeTax);
        learnt.set(invoice.bc_customer_id!, result.value.pricesIncludeTax);
      } else if (isDefinitive(result)) out.failed.push({ invoiceId: invoice.id, error: failureText(result.error) });
      else out.problem = result.error;
    });
    await ctx.failAt('before-correction');
    const { ready, problem } = await correctDrafts(ctx, made, input.lines, pricedOn);
    if (problem !== undefined) out.problem = problem;
    await ctx.failAt('after-create');
    out.created.push(...ready.map(createdOf));
    for (const { invoice } of made) pricedOn.delete(invoice.id);
  });
  await rememberPriceTerms(ctx.db, ctx.businessId, { customers: learnt, items: new Map() }, ctx.now());
  return out;
}
