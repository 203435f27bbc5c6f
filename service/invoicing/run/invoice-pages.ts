import { setImmediate } from 'node:timers/promises';
import type { Row } from '../../store/database';
import type { RunContext } from './run-context';
import type { InvoiceStatus } from './run-schemas';

/**
 * Invoices a create or verify step takes up at once: 20 create batches of 50 (4 rounds of the 5 in
 * flight), a verify page's look-ups fill the 5 slots. Two pages and their lines are all a step holds
 * (PAGES_AT_ONCE): a run of thousands held every invoice and line of the run (hundreds of MB of heap at 7,000).
 */
export const INVOICES_PER_PAGE = 1000;

/**
 * Pages whose work runs at once. The next page is read and its work begun while the page before
 * still waits for Business Central's last answers and records them: one page at a time left the
 * 5 slots (the client's limiter keeps it at 5 whatever the pages) idle at every page's end, about
 * half a second a page in a run of 7,000 invoices.
 */
const PAGES_AT_ONCE = 2;

/**
 * The run's invoices in `status` (with a Business Central customer, when `withCustomer`), a page at a
 * time in the run's order, each page's work begun once the one before the last has ended. Keyset on
 * position (unique within a run): an invoice the work leaves in `status` is not read again in this pass.
 * A page whose work fails ends the pass, once the other page's work has ended too.
 */
export async function forEachInvoicePage(
  ctx: Pick<RunContext, 'db' | 'runId' | 'chunkSize'>,
  where: { status: InvoiceStatus; withCustomer?: boolean },
  work: (page: Row<'invoices'>[]) => Promise<void>,
): Promise<void> {
  const pageSize = ctx.chunkSize ?? INVOICES_PER_PAGE;
  const running: Promise<void>[] = [];
  let after = -1;
  try {
    for (;;) {
      let query = ctx.db.selectFrom('invoices').selectAll().where('run_id', '=', ctx.runId).where('status', '=', where.status).where('position', '>', after);
      if (where.withCustomer === true) query = query.where('bc_customer_id', 'is not', null);
      const page = await query.orderBy('position').limit(pageSize).execute();
      if (page.length === 0) break;
      const done = work(page);
      // Awaited below (or settled in finally): a failure is never left unobserved meanwhile.
      done.catch(() => undefined);
      running.push(done);
      if (running.length >= PAGES_AT_ONCE) await running.shift();
      if (page.length < pageSize) break;
      after = page[page.length - 1]!.position;
      // Let the process answer others (the run's own polls) between pages.
      await setImmediate();
    }
    while (running.length > 0) await running.shift();
  } finally {
    await Promise.allSettled(running);
  }
}
