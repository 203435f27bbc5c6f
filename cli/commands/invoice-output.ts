import { afterCreateWords } from '../../service/invoicing/run/after-create-words';
import type { RunCounts } from '../../service/invoicing/run/run-counts';
import type { Preview, RunResult, SkipReason } from '../../service/invoicing/run/run-schemas';
import { skipReasonText } from '../../service/invoicing/run/skip-reason-text';
import { invoiceErrorWords, isFailedInvoice } from '../../service/invoicing/run/invoice-error-words';
import { formatLocal, formatMoney } from '../format';
import { textTable } from '../text-table';

/** Names come from Bookings: no terminal escape sequence reaches the terminal. */
const plain = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "17 appointments → 22 invoices, 22 customers": a group class invoices each attendee. */
export const countsText = (c: RunCounts) => `${plural(c.appointments, 'appointment')} → ${plural(c.invoices, 'invoice')}, ${plural(c.customers, 'customer')}`;

/** The preview: each invoice with its lines, what is not invoiceable and why, and the totals. */
export function previewText(preview: Preview, timeZone: string): string {
  const out: string[] = [];
  for (const invoice of preview.invoices) {
    out.push(
      `${plain(invoice.customer.name)} <${plain(invoice.customer.email)}>  ${invoice.invoiceDate}  ${plural(invoice.lines.length, 'line')}  ${formatMoney(invoice.total)}`,
    );
    const table = textTable(
      ['Start', 'Line', 'Qty', 'Amount'],
      invoice.lines.map((l) => [formatLocal(l.start, timeZone), l.description, String(l.quantity), formatMoney(l.amount)]),
      [16, 60, 8, 14],
    );
    // Lines under their invoice, without the table's header.
    out.push(
      ...table
        .split('\n')
        .slice(2)
        .map((line) => `  ${line}`),
    );
  }
  const lines = preview.invoices.reduce((n, i) => n + i.lines.length, 0);
  if (preview.skipped.length > 0) {
    const byReason = new Map<SkipReason, number>();
    for (const s of preview.skipped) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
    out.push('', `Not invoiceable: ${plural(preview.skipped.length, 'appointment')}`);
    for (const [reason, n] of [...byReason].sort((a, b) => b[1] - a[1])) out.push(`  ${skipReasonText(reason, 'en')}: ${n}`);
  }
  out.push('', `${countsText(preview.counts)}, ${plural(lines, 'line')}, ${preview.totals.map(formatMoney).join(', ') || 'nothing'} (times in ${timeZone}).`);
  return `${out.join('\n')}\n`;
}

/** Each invoice of a finished run: its number and link, or why it failed. */
export function resultText(run: RunResult): string {
  const out: string[] = [];
  for (const invoice of run.invoices) {
    const who = plain(invoice.customer.name || invoice.customer.email);
    if (isFailedInvoice(invoice)) {
      out.push(`FAILED  ${who}  ${formatMoney(invoice.amount)}  ${plain(invoiceErrorWords(invoice.error ?? '', 'en') ?? '')}`);
      continue;
    }
    const problem = invoice.verifyProblem ? `  (check: ${plain(invoice.verifyProblem)})` : '';
    const after = invoice.afterCreateProblem ? `  (${afterCreateWords(invoice.afterCreateProblem, 'en')})` : '';
    // Posted invoices are numbered apart from their drafts: both are shown so either can be found.
    const state = invoice.status === 'posted' ? `${invoice.sent ? 'posted and sent' : 'posted'}, draft ${invoice.draftNumber ?? '?'}  ` : '';
    out.push(`${invoice.number ?? '(no number)'}  ${state}${who}  ${formatMoney(invoice.amount)}  ${invoice.url ?? ''}${problem}${after}`.trimEnd());
  }
  const failed = run.invoices.filter(isFailedInvoice).length;
  if (run.state === 'nothing') out.push(`Nothing was invoiced: another run took these appointments or they are no longer invoiceable (run ${run.id}).`);
  else if (!run.finished && run.counts.invoices === 0) out.push(`No invoices created yet: the run is still going (run ${run.id}).`);
  // "Created: 3 appointments → 0 invoices" read as if something was made.
  else if (run.counts.invoices === 0)
    out.push(`No invoices were created${failed > 0 ? `: ${plural(failed, 'invoice')} failed, each with its reason above` : ''} (run ${run.id}).`);
  else
    out.push(
      `Created: ${countsText(run.counts)} (${run.totals.map(formatMoney).join(', ') || 'nothing'})${failed > 0 ? `; ${plural(failed, 'invoice')} failed` : ''} (run ${run.id}).`,
    );
  return `${out.join('\n')}\n`;
}
