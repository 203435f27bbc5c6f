import type { SalesInvoice } from '../../clients/business-central/schemas/sales-invoice';
import { toIsoUtc } from '../../store/columns';
import type { Row } from '../../store/database';
import { chunk } from '../../domain/chunks';
import { RunStoppedError } from './errors';
import { itemLines } from './item-lines';
import { invoiceUrl, type InvoiceLinks } from './invoice-links';
import { liveInvoicesByKey } from './keep-one-per-key';
import type { LineRow } from './line-rows';
import { awaitSettledKeys } from './lost-answer-wait';
import type { PriceTerms } from './price-terms';
import type { RunContext } from './run-context';
import { basisGuess, correctDrafts, createdOf, sendDrafts, type Created, type Draft } from './send-drafts';
import { forEachInvoicePage } from './invoice-pages';
import { failInvoices, refreshCounts } from './settle';
import { CASE_ROWS_PER_STATEMENT, caseById, slices } from './bulk-update';

/** Lookup-then-create rounds for invoices whose create had no clear answer (5xx, reset, timeout). */
const MAX_ROUNDS = 4;

export interface CreateDeps {
  terms: PriceTerms;
  /** The Bookings currency as Business Central wants it: '' for its local currency. */
  currencyCode: (bookingsCurrency: string) => string;
  links: InvoiceLinks;
  companyId: string;
  /**
   * No draft of the run was ever sent (it had not reached 'creating' when this process took it up):
   * the first round has nothing to adopt and skips looking its keys up.
   */
  nothingSent?: boolean;
  /** Told the invoices of each page as they are recorded created: verify-invoices checks them while the next pages are sent. */
  onCreated?: (invoiceIds: readonly string[]) => void;
}

type InvoiceRow = Row<'invoices'>;

const keyOf = (invoice: InvoiceRow) => invoice.external_document_number.toUpperCase();

export async function linesByInvoice(ctx: RunContext, invoiceIds: readonly string[]): Promise<Map<string, LineRow[]>> {
  const out = new Map<string, LineRow[]>();
  for (const part of chunk(invoiceIds, 500)) {
    const rows = await ctx.db.selectFrom('invoice_lines').selectAll().where('invoice_id', 'in', part).orderBy('position').execute();
    for (const row of rows) {
      const same = out.get(row.invoice_id);
      if (same === undefined) out.set(row.invoice_id, [row]);
      else same.push(row);
    }
  }
  return out;
}

export async function markCreated(ctx: RunContext, deps: Pick<CreateDeps, 'links' | 'companyId'>, created: ReadonlyArray<Created>): Promise<void> {
  if (created.length === 0) return;
  const now = toIsoUtc(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    for (const part of slices(created, CASE_ROWS_PER_STATEMENT)) {
      const id = (c: (typeof part)[number]) => c.invoiceId;
      await trx
        .updateTable('invoices')
        .set({
          status: 'created',
          bc_invoice_id: caseById(part, id, (c) => c.bc.id),
          bc_number: caseById(part, id, (c) => c.bc.number),
          url: caseById(part, id, ({ bc }) => invoiceUrl(deps.links, { companyId: deps.companyId, bcInvoiceId: bc.id, number: bc.number, posted: false })),
          updated_at: now,
        })
        .where('id', 'in', part.map(id))
        .where('status', '=', 'planned')
        .execute();
    }
    await refreshCounts(trx, ctx.runId, now);
  });
}

/**
 * After a batch whose answer was lost, waits until what Business Central holds under its keys has
 * settled (it may still be creating); a run that cannot tell stops, leaving them planned.
 */
async function settleLostAnswers(ctx: RunContext, expected: ReadonlyMap<string, number>): Promise<void> {
  if (expected.size === 0) return;
  const lookup = async (keys: readonly string[]) =>
    new Map([...(await liveInvoicesByKey(ctx, keys, { expandLines: true }))].map(([key, bc]) => [key, itemLines(bc).length]));
  if ((await awaitSettledKeys(expected, lookup, ctx.lostAnswerWait)) === undefined) {
    throw new RunStoppedError(
      `Business Central did not settle whether ${expected.size} invoice(s) were created; nothing was sent again and the run resumes later`,
      { fateUnknown: true },
    );
  }
}

/**
 * A draft found under our key with fewer lines than ours was left half made (by an earlier version
 * that sent the header first, or by hand): it is deleted (If-Match) so the invoice is created whole. False
 * when it could not be deleted (changed or posted meanwhile): the verify step then reports it.
 */
async function deleteIncomplete(ctx: RunContext, bc: SalesInvoice): Promise<boolean> {
  if (bc.status !== 'Draft' || bc.etag === undefined) return false;
  try {
    await ctx.bc.deleteSalesInvoice(bc.id, bc.etag);
    ctx.logger.warn({ number: bc.number }, 'a half-made draft was deleted to be created whole');
    return true;
  } catch (err) {
    ctx.logger.warn({ err: err instanceof Error ? err.message : String(err), number: bc.number }, 'a half-made draft could not be deleted');
    return false;
  }
}

/**
 * Create: first adopt what Business Central already holds under our keys (a run killed between
 * creating and recording), its lines corrected where the draft's basis was guessed wrong, then
 * send the rest as drafts (send-drafts). A batch whose answer was
 * lost is watched until its keys settle, and every create without a clear answer is looked up
 * before it is sent again: never a second draft for a key whose first one's fate is unknown.
 * Beyond the rounds the run stops, resumably. Each round takes the planned invoices a page at a
 * time (invoice-pages), recorded as created page by page.
 */
export async function createInvoices(ctx: RunContext, deps: CreateDeps): Promise<void> {
  let lastProblem: unknown;
  let lost = new Map<string, number>();
  // One guess across the run's pages: what one page's answers show, the next is priced on.
  const guess = basisGuess(ctx, deps.terms);
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    await settleLostAnswers(ctx, lost);
    lost = new Map();
    let pending = false;
    await forEachInvoicePage(ctx, { status: 'planned', withCustomer: true }, async (page) => {
      pending = true;
      const lines = await linesByInvoice(
        ctx,
        page.map((i) => i.id),
      );
      const existing =
        round === 1 && deps.nothingSent === true ? new Map<string, SalesInvoice>() : await liveInvoicesByKey(ctx, page.map(keyOf), { expandLines: true });
      const found: Draft[] = [];
      const rest: InvoiceRow[] = [];
      for (const invoice of page) {
        const bc = existing.get(keyOf(invoice));
        const have = bc === undefined ? 0 : itemLines(bc).length;
        const want = (lines.get(invoice.id) ?? []).length;
        if (bc === undefined) rest.push(invoice);
        else if (have >= want) found.push({ invoice, bc });
        else if (await deleteIncomplete(ctx, bc)) rest.push(invoice);
        else found.push({ invoice, bc });
      }
      // A draft found under our key may have been made on a wrong guess of its basis and the run killed before correcting it.
      const adopted = await correctDrafts(ctx, found, lines);
      if (adopted.problem !== undefined) lastProblem = adopted.problem;
      await markCreated(ctx, deps, adopted.ready.map(createdOf));
      if (rest.length === 0) {
        deps.onCreated?.(adopted.ready.map((d) => d.invoice.id));
        return;
      }

      const out = await sendDrafts(ctx, deps, { invoices: rest, lines, guess });
      await markCreated(ctx, deps, out.created);
      deps.onCreated?.([...adopted.ready.map((d) => d.invoice.id), ...out.created.map((c) => c.invoiceId)]);
      await failInvoices(ctx, out.failed);
      const byKey = new Map(rest.map((i) => [keyOf(i), i]));
      for (const key of out.lost) lost.set(key, (lines.get(byKey.get(key)!.id) ?? []).length);
      if (out.problem !== undefined) lastProblem = out.problem;
    });
    if (!pending) return;
  }
  const still = await ctx.db
    .selectFrom('invoices')
    .select('id')
    .where('run_id', '=', ctx.runId)
    .where('status', '=', 'planned')
    .where('bc_customer_id', 'is not', null)
    .execute();
  if (still.length > 0) {
    const why = lastProblem instanceof Error ? lastProblem.message : 'no clear answer';
    throw new RunStoppedError(`Business Central did not confirm ${still.length} invoice(s) after ${MAX_ROUNDS} attempts (${why})`, {
      cause: lastProblem,
      fateUnknown: lost.size > 0,
    });
  }
}
