import type { SalesInvoice } from '../../clients/business-central/schemas/sales-invoice';
import { findInvoicesByKey } from './find-invoices';
import { itemLines } from './item-lines';
import type { RunContext } from './run-context';
import { audit } from '../../history/audit';

/** What looking keys up needs: a run's context, or a sync's (its run id the audit subject, `source` 'sync'). */
export type KeyLookupContext = Pick<RunContext, 'db' | 'bc' | 'logger' | 'now' | 'runId'> & { source?: string };

const brief = (i: SalesInvoice) => ({
  id: i.id,
  number: i.number,
  status: i.status,
  totalAmountIncludingTax: i.totalAmountIncludingTax,
  ...(i.salesInvoiceLines === undefined ? {} : { lines: itemLines(i).length }),
});

/**
 * The one invoice per key that counts: the one we recorded, else the one with the most lines (a
 * header whose lines never came, left by a header-first create whose answer was lost, must not win
 * over the draft that has them; known only when the lines were read), else the oldest (lowest
 * number). Every other draft under the key is a duplicate (a create repeated after a lost answer,
 * an orphan header, or one made by hand): it is deleted (If-Match, so a draft someone edited
 * meanwhile is left alone) and the deletion recorded in the audit log. A duplicate that is no
 * longer a draft cannot be deleted: it is recorded for a person to sort out. Never adopted silently.
 */
async function keepOne(ctx: KeyLookupContext, key: string, invoices: readonly SalesInvoice[], recordedId: string | undefined): Promise<SalesInvoice> {
  const ordered = [...invoices].sort((a, b) => {
    if (recordedId !== undefined && (a.id === recordedId) !== (b.id === recordedId)) return a.id === recordedId ? -1 : 1;
    const lines = itemLines(b).length - itemLines(a).length;
    if (lines !== 0) return lines;
    return a.number.localeCompare(b.number, 'en', { numeric: true });
  });
  const [kept, ...extra] = ordered as [SalesInvoice, ...SalesInvoice[]];
  for (const duplicate of extra) {
    const deletable = duplicate.status === 'Draft' && duplicate.etag !== undefined;
    let action = 'invoice.duplicate-found';
    if (deletable) {
      await ctx.bc.deleteSalesInvoice(duplicate.id, duplicate.etag!);
      action = 'invoice.duplicate-deleted';
    }
    ctx.logger.warn({ key, kept: kept.number, duplicate: duplicate.number, deleted: deletable }, 'a second invoice under one key');
    await audit(ctx.db, {
      at: ctx.now(),
      actor: 'system',
      source: ctx.source ?? 'invoice-run',
      action,
      subject: ctx.runId,
      details: { key, kept: brief(kept), duplicate: brief(duplicate) },
    });
  }
  return kept;
}

/** The live invoice under each key, duplicates removed; `recorded` names the Business Central ids we stored per key. */
export async function liveInvoicesByKey(
  ctx: KeyLookupContext,
  keys: readonly string[],
  options: { expandLines?: boolean; recorded?: ReadonlyMap<string, string> } = {},
): Promise<Map<string, SalesInvoice>> {
  const found = await findInvoicesByKey(ctx.bc, keys, options.expandLines ? { expandLines: true } : {});
  const out = new Map<string, SalesInvoice>();
  for (const [key, invoices] of found) {
    out.set(key, invoices.length === 1 ? invoices[0]! : await keepOne(ctx, key, invoices, options.recorded?.get(key)));
  }
  return out;
}
