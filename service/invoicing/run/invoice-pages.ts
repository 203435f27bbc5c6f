import { setImmediate } from 'node:timers/promises';
import type { Row } from '../../store/database';
import type { RunContext } from './run-context';
import type { InvoiceStatus } from './run-schemas';

/**
 * Invoices a create or verify step takes up at once: 20 create batches of 50 (4 rounds of the 5 in
 * flight), a verify page's look-ups fill the 5 slots. A page and its lines are all a step holds: a
 * run of thousands held every invoice and line of the run (hundreds of MB of heap at 7,000).
 */
export const INVOICES_PER_PAGE = 1000;

/**
 * The run's invoices in `status` (with a Business Central customer, when `withCustomer`), a page at a
 * time in the run's order, each page's work done before the next is read. Keyset on position (unique
 * within a run): an invoice the work leaves in `status` is not read again in this pass.
 */
export async function forEachInvoicePage(
  ctx: RunContext,
  where: { status: InvoiceStatus; withCustomer?: boolean },
  work: (page: Row<'invoices'>[]) => Promise<void>,
): Promise<void> {
  const pageSize = ctx.chunkSize ?? INVOICES_PER_PAGE;
  let after = -1;
  for (;;) {
    let query = ctx.db.selectFrom('invoices').selectAll().where('run_id', '=', ctx.runId).where('status', '=', where.status).where('position', '>', after);
    if (where.withCustomer === true) query = query.where('bc_customer_id', 'is not', null);
    const page = await query.orderBy('position').limit(pageSize).execute();
    if (page.length === 0) return;
    await work(page);
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.position;
    // Let the process answer others (the run's own polls) between pages.
    await setImmediate();
  }
}
