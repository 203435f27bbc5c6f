import type { BcBatchOperation, BcBatchResult } from '../../clients/business-central/bc-batch';
import { BC_BATCH_MAX_OPERATIONS } from '../../clients/business-central/bc-batch';
import { salesInvoiceSchema, type SalesInvoice } from '../../clients/business-central/schemas/sales-invoice';
import { HttpError } from '../../clients/http/http-error';
import { chunk } from '../../domain/chunks';
import type { AfterCreate } from '../../setup/setup-schema';
import { toIsoUtc, writeJson } from '../../store/columns';
import type { Transaction } from 'kysely';
import type { Database, Row } from '../../store/database';
import { postedUrl } from '../reconcile/posted-url';
import type { AfterCreateProblem } from './after-create-words';
import type { RunContext } from './run-context';

type InvoiceRow = Row<'invoices'>;

/** What one invoice needs from Business Central now, judged from its status there and what we recorded. */
type Step = { kind: 'record' } | { kind: 'act'; action: 'post' | 'postAndSend' | 'send' };

/** A posted invoice: Open, Paid, and Canceled or Corrective, which were posted first (not a draft, one in review, or a status we do not know). */
const POSTED: ReadonlySet<SalesInvoice['status']> = new Set(['Open', 'Paid', 'Canceled', 'Corrective']);
const isPosted = (bc: SalesInvoice): boolean => POSTED.has(bc.status);

/**
 * The one decision of this step. Posting is looked up, never assumed: a draft still in Business
 * Central is posted, a posted one only recorded. An email cannot be looked up (Business Central does
 * not say whether one went), so a send asked for before (`send_started_at`) whose invoice is now
 * posted counts as sent: an email goes at most once.
 */
export function stepFor(mode: Exclude<AfterCreate, 'draft'>, invoice: Pick<InvoiceRow, 'send_started_at'>, bc: SalesInvoice): Step {
  if (mode === 'post') return isPosted(bc) ? { kind: 'record' } : { kind: 'act', action: 'post' };
  if (!isPosted(bc)) return { kind: 'act', action: 'postAndSend' };
  return invoice.send_started_at !== null ? { kind: 'record' } : { kind: 'act', action: 'send' };
}

const path = (invoice: InvoiceRow) => `salesInvoices(${invoice.bc_invoice_id!})`;

/** Each invoice's state in Business Central now, by our invoice id; null when it could not be read. */
async function lookUp(ctx: RunContext, invoices: readonly InvoiceRow[]): Promise<Map<string, SalesInvoice | null>> {
  const results = await ctx.bc.batch(
    invoices.map((invoice): BcBatchOperation<SalesInvoice> => ({
      id: invoice.id,
      method: 'GET',
      path: path(invoice),
      schema: salesInvoiceSchema,
      entity: 'salesInvoice',
    })),
    { idempotent: true },
  );
  return new Map(results.map((r) => [r.id, r.ok ? r.value : null]));
}

/**
 * After the run recorded its verified drafts: post them, or post and email them, as the run was
 * asked when it started. Every step is written down per invoice: its start before Business Central
 * is asked, its end (the posted number) after, and each invoice's status is looked up in Business
 * Central before anything is asked again, so a run resumed after a kill never posts or sends twice.
 * A failure leaves that invoice as it stands (a draft, or posted and not sent) with its problem.
 */
export async function postVerifiedDrafts(ctx: RunContext, mode: AfterCreate): Promise<void> {
  if (mode === 'draft') return;
  const pending = await ctx.db
    .selectFrom('invoices')
    .selectAll()
    .where('run_id', '=', ctx.runId)
    .where('status', 'in', ['verified', 'posted'])
    .where('bc_invoice_id', 'is not', null)
    .where('after_create_error', 'is', null)
    .where(mode === 'post' ? 'posted_at' : 'sent_at', 'is', null)
    .orderBy('position')
    .execute();
  for (const part of chunk(pending, BC_BATCH_MAX_OPERATIONS)) await postChunk(ctx, mode, part);
}

async function postChunk(ctx: RunContext, mode: Exclude<AfterCreate, 'draft'>, invoices: InvoiceRow[]): Promise<void> {
  const before = await lookUp(ctx, invoices);
  const toRecord: InvoiceRow[] = [];
  const toAct: { invoice: InvoiceRow; action: 'post' | 'postAndSend' | 'send' }[] = [];
  for (const invoice of invoices) {
    const bc = before.get(invoice.id);
    if (bc === null || bc === undefined) continue; // unreadable now: a later resume or the sync's reconcile looks again
    const step = stepFor(mode, invoice, bc);
    if (step.kind === 'record') toRecord.push(invoice);
    else toAct.push({ invoice, action: step.action });
  }
  await record(ctx, mode, toRecord, before, new Map());

  if (toAct.length === 0) return;
  const startedAt = toIsoUtc(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    for (const { invoice, action } of toAct) {
      await trx
        .updateTable('invoices')
        .set(
          action === 'post'
            ? { post_started_at: startedAt, updated_at: startedAt }
            : { post_started_at: invoice.post_started_at ?? startedAt, send_started_at: startedAt, updated_at: startedAt },
        )
        .where('id', '=', invoice.id)
        .execute();
    }
  });
  let answers: BcBatchResult<unknown>[] | null = null;
  try {
    answers = await ctx.bc.batch(
      toAct.map(({ invoice, action }) => ({ id: invoice.id, method: 'POST' as const, path: `${path(invoice)}/Microsoft.NAV.${action}` })),
    );
  } catch (err) {
    if (!(err instanceof HttpError) || err.reason === 'auth') throw err;
    ctx.logger.warn({ err: err.message, operations: toAct.length }, 'post batch without an answer: the invoices are looked up before anything is asked again');
  }
  await ctx.failAt('after-post');
  const refused = new Map<string, boolean>();
  for (const answer of answers ?? []) if (!answer.ok) refused.set(answer.id, true);
  const acted = toAct.map((a) => a.invoice);
  const after = await lookUp(ctx, acted);
  await record(
    ctx,
    mode,
    acted,
    after,
    new Map(toAct.map((a) => [a.invoice.id, { action: a.action, refused: refused.has(a.invoice.id), answered: answers !== null }])),
  );
}

interface Asked {
  action: 'post' | 'postAndSend' | 'send';
  refused: boolean;
  /** False when the batch's answer was lost: what happened is read from Business Central only. */
  answered: boolean;
}

/** Writes what Business Central now shows for each invoice, with its audit row, in one transaction. */
async function record(
  ctx: RunContext,
  mode: Exclude<AfterCreate, 'draft'>,
  invoices: readonly InvoiceRow[],
  bcOf: ReadonlyMap<string, SalesInvoice | null>,
  asked: ReadonlyMap<string, Asked>,
): Promise<void> {
  if (invoices.length === 0) return;
  const at = toIsoUtc(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    for (const invoice of invoices) {
      const bc = bcOf.get(invoice.id) ?? null;
      const ask = asked.get(invoice.id);
      const posted = bc !== null && isPosted(bc);
      const sendOk = ask === undefined ? invoice.send_started_at !== null : ask.answered ? !ask.refused : true;
      const sent = mode === 'send' && posted && sendOk;
      let problem: AfterCreateProblem | null = null;
      if (bc === null) problem = 'unconfirmed';
      else if (!posted) problem = ask?.answered === false ? 'unconfirmed' : 'post-failed';
      else if (mode === 'send' && !sent) problem = 'send-failed';
      await trx
        .updateTable('invoices')
        .set({
          ...(posted ? { status: 'posted', posted_number: bc.number, url: postedUrl(invoice.url, bc.number), posted_at: invoice.posted_at ?? at } : {}),
          ...(sent ? { sent_at: at } : {}),
          // A refused send is known not to have gone: a later run may send it.
          ...(mode === 'send' && posted && !sent ? { send_started_at: null } : {}),
          after_create_error: problem,
          updated_at: at,
        })
        .where('id', '=', invoice.id)
        .execute();
      if (posted && invoice.posted_at === null) await audit(trx, at, ctx, 'invoice.posted', invoice, { postedNumber: bc.number });
      if (sent) await audit(trx, at, ctx, 'invoice.sent', invoice, { postedNumber: bc.number });
      if (problem !== null) await audit(trx, at, ctx, 'invoice.post-failed', invoice, { problem });
    }
  });
}

async function audit(
  trx: Transaction<Database>,
  at: string,
  ctx: RunContext,
  action: string,
  invoice: InvoiceRow,
  details: Record<string, unknown>,
): Promise<void> {
  const run = await trx.selectFrom('invoice_runs').select(['requested_by', 'source']).where('id', '=', ctx.runId).executeTakeFirstOrThrow();
  await trx
    .insertInto('audit_log')
    .values({
      at,
      actor: run.requested_by,
      source: run.source,
      action,
      subject: invoice.id,
      details: writeJson({ businessId: invoice.business_id, runId: invoice.run_id, bcInvoiceId: invoice.bc_invoice_id, number: invoice.bc_number, ...details }),
    })
    .execute();
}
