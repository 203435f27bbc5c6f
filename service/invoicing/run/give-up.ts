import type { SalesInvoice } from '../../clients/business-central/schemas/sales-invoice';
import { toIsoUtc } from '../../store/columns';
import { linesByInvoice, markCreated } from './create-invoices';
import { resolveInDoubt } from './in-doubt';
import { createdOf } from './send-drafts';
import type { InvoiceLinks } from './invoice-links';
import { itemLines } from './item-lines';
import { liveInvoicesByKey } from './keep-one-per-key';
import type { RunContext } from './run-context';
import { failInvoices, recordInvoicesIn } from './settle';
import { STORED_INVOICE_ERRORS } from './invoice-error-words';

/** Stored on each invoice the run gave up on; the faces put it in words (invoice-error-words). */
export const GAVE_UP = STORED_INVOICE_ERRORS.gaveUp;

/** Run states in which drafts may have been sent: only then can Business Central still be making one. */
const SENDING = ['creating', 'verifying'];

/**
 * A run whose retry bounds are spent ends at once instead of holding its appointments until some
 * later start: a complete draft Business Central holds under one of the run's keys (one last look,
 * if it answers) counts as created and its appointments become invoiced; every other invoice fails
 * and its appointments go back to the list, so Retry can start at once. A header without all its
 * lines is never taken for the invoice. When drafts were being sent, the failed invoices stay in
 * doubt (Business Central may finish a create after we stopped waiting): in-doubt deletes what is
 * half made now if it can, and every later sync and run over those appointments looks again.
 */
export async function giveUp(ctx: RunContext, deps: { links: InvoiceLinks; companyId: string }): Promise<void> {
  const run = await ctx.db.selectFrom('invoice_runs').select('state').where('id', '=', ctx.runId).executeTakeFirst();
  const sending = run !== undefined && SENDING.includes(run.state);
  const planned = await ctx.db.selectFrom('invoices').selectAll().where('run_id', '=', ctx.runId).where('status', '=', 'planned').execute();
  const keyOf = (invoice: (typeof planned)[number]) => invoice.external_document_number.toUpperCase();
  let found = new Map<string, SalesInvoice>();
  const withCustomer = planned.filter((i) => i.bc_customer_id !== null);
  const lines = await linesByInvoice(
    ctx,
    withCustomer.map((i) => i.id),
  );
  if (sending && withCustomer.length > 0) {
    try {
      found = await liveInvoicesByKey(ctx, withCustomer.map(keyOf), { expandLines: true });
    } catch (err) {
      ctx.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'last look before giving up failed');
    }
  }
  const complete = withCustomer.flatMap((invoice) => {
    const bc = found.get(keyOf(invoice));
    const want = (lines.get(invoice.id) ?? []).length;
    return bc !== undefined && want > 0 && itemLines(bc).length >= want ? [{ invoice, bc }] : [];
  });
  await markCreated(ctx, deps, complete.map(createdOf));
  const created = new Set(complete.map((c) => c.invoice.id));
  await failInvoices(
    ctx,
    planned.filter((i) => !created.has(i.id)).map((i) => ({ invoiceId: i.id, error: GAVE_UP, inDoubt: sending && i.bc_customer_id !== null })),
  );

  await recordInvoicesIn(ctx, ['created', 'verified', 'mismatch']);
  // Appointments claimed but on no invoice (the run stopped between claiming and planning them).
  await ctx.db
    .updateTable('appointments')
    .set({ state: 'unbilled', claimed_by_run: null, last_attempt_failed: 1, updated_at: toIsoUtc(ctx.now()) })
    .where('claimed_by_run', '=', ctx.runId)
    .where('state', '=', 'claimed')
    .execute();
  if (!sending) return;
  try {
    await resolveInDoubt({ ...ctx, businessId: ctx.businessId, links: deps.links, companyId: deps.companyId }, { runId: ctx.runId });
  } catch (err) {
    ctx.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'the invoices given up on are looked at again by the next sync');
  }
}
