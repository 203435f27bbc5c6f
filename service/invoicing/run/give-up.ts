import type { SalesInvoice } from '../../clients/business-central/schemas/sales-invoice';
import { toIsoUtc } from '../../store/columns';
import { markCreated } from './create-invoices';
import type { InvoiceLinks } from './invoice-links';
import { liveInvoicesByKey } from './keep-one-per-key';
import type { RunContext } from './run-context';
import { failInvoices, recordInvoicesIn } from './settle';
import { STORED_INVOICE_ERRORS } from './invoice-error-words';

/** Stored on each invoice the run gave up on; the faces put it in words (invoice-error-words). */
export const GAVE_UP = STORED_INVOICE_ERRORS.gaveUp;

/**
 * A run whose retry bounds are spent ends at once instead of holding its appointments until some
 * later start: what Business Central holds under the run's keys (one last look, if it answers)
 * counts as created and its appointments become invoiced; every other invoice fails and its
 * appointments go back to the list, so Retry can start at once. A draft created but not found now
 * (Business Central down) is found by the next run over those appointments (adopt-earlier-drafts).
 */
export async function giveUp(ctx: RunContext, deps: { links: InvoiceLinks; companyId: string }): Promise<void> {
  const planned = await ctx.db.selectFrom('invoices').selectAll().where('run_id', '=', ctx.runId).where('status', '=', 'planned').execute();
  let found = new Map<string, SalesInvoice>();
  const withCustomer = planned.filter((i) => i.bc_customer_id !== null);
  if (withCustomer.length > 0) {
    try {
      found = await liveInvoicesByKey(ctx, withCustomer.map((i) => i.external_document_number.toUpperCase()));
    } catch (err) {
      ctx.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'last look before giving up failed');
    }
  }
  await markCreated(ctx, deps, planned.flatMap((invoice) => {
    const bc = found.get(invoice.external_document_number.toUpperCase());
    return bc ? [{ invoice, bc }] : [];
  }));
  await failInvoices(ctx, planned.filter((i) => !found.has(i.external_document_number.toUpperCase())).map((i) => ({ invoiceId: i.id, error: GAVE_UP })));

  await recordInvoicesIn(ctx, ['created', 'verified', 'mismatch']);
  // Appointments claimed but on no invoice (the run stopped between claiming and planning them).
  await ctx.db
    .updateTable('appointments')
    .set({ state: 'unbilled', claimed_by_run: null, last_attempt_failed: 1, updated_at: toIsoUtc(ctx.now()) })
    .where('claimed_by_run', '=', ctx.runId)
    .where('state', '=', 'claimed')
    .execute();
}
