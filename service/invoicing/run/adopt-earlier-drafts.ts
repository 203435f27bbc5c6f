import { billedKeys, customerEmailKey } from '../grouping';
import { z } from 'zod';
import { readJson, toIsoUtc } from '../../store/columns';
import { chunk } from './bc-pool';
import { GAVE_UP } from './give-up';
import { invoiceUrl, type InvoiceLinks } from './invoice-links';
import { itemLines } from './item-lines';
import { liveInvoicesByKey } from './keep-one-per-key';
import type { RunContext } from './run-context';
import { refreshCounts } from './settle';

const attendeesSchema = z.array(z.object({ id: z.string().optional(), customerId: z.string().optional(), email: z.string() }).loose());

/**
 * Before a run plans appointments, it looks for drafts an earlier run created for them without
 * hearing back (that run gave up, Business Central unreachable): a complete one is that earlier
 * invoice after all, so its appointments become invoiced and are not billed again; a half-made one
 * is deleted (If-Match). Either way a second draft for the same appointments never appears.
 */
export async function adoptEarlierDrafts(ctx: RunContext, appointmentIds: readonly string[], deps: { links: InvoiceLinks; companyId: string }): Promise<void> {
  const candidates = new Map<string, { id: string; run_id: string; key: string; lines: number }>();
  for (const part of chunk(appointmentIds, 500)) {
    const rows = await ctx.db
      .selectFrom('invoices')
      .innerJoin('invoice_lines', 'invoice_lines.invoice_id', 'invoices.id')
      .select(['invoices.id', 'invoices.run_id', 'invoices.external_document_number'])
      .where('invoices.business_id', '=', ctx.businessId)
      .where('invoices.status', '=', 'failed')
      .where('invoices.error', '=', GAVE_UP)
      .where('invoice_lines.appointment_id', 'in', part)
      .execute();
    for (const row of rows) candidates.set(row.id, { id: row.id, run_id: row.run_id, key: row.external_document_number.toUpperCase(), lines: 0 });
  }
  if (candidates.size === 0) return;
  for (const candidate of candidates.values()) {
    candidate.lines = (await ctx.db.selectFrom('invoice_lines').select('id').where('invoice_id', '=', candidate.id).execute()).length;
  }
  const found = await liveInvoicesByKey(ctx, [...candidates.values()].map((c) => c.key), { expandLines: true });
  const now = toIsoUtc(ctx.now());
  for (const candidate of candidates.values()) {
    const bc = found.get(candidate.key);
    if (bc === undefined) continue;
    if (itemLines(bc).length < candidate.lines) {
      if (bc.status === 'Draft' && bc.etag !== undefined) await ctx.bc.deleteSalesInvoice(bc.id, bc.etag);
      continue;
    }
    ctx.logger.warn({ number: bc.number, earlierRun: candidate.run_id }, 'a draft an earlier run created without hearing back was found: its appointments are invoiced');
    await ctx.db.transaction().execute(async (trx) => {
      const url = invoiceUrl(deps.links, { companyId: deps.companyId, bcInvoiceId: bc.id, number: bc.number, posted: bc.status !== 'Draft' });
      await trx.updateTable('invoices').set({ status: 'created', error: null, bc_invoice_id: bc.id, bc_number: bc.number, url, updated_at: now }).where('id', '=', candidate.id).execute();
      await trx.updateTable('invoice_lines').set({ state: 'invoiced', updated_at: now }).where('invoice_id', '=', candidate.id).execute();
      const lines = await trx.selectFrom('invoice_lines').select('appointment_id').where('invoice_id', '=', candidate.id).execute();
      for (const { appointment_id } of lines) {
        const appointment = await trx.selectFrom('appointments').select(['id', 'state', 'customers', 'linked_bc_customer_id']).where('id', '=', appointment_id).executeTakeFirst();
        if (appointment?.state !== 'unbilled') continue;
        const billed = new Set(
          (await trx.selectFrom('invoice_lines').select('customer_email').where('appointment_id', '=', appointment_id).where('state', '=', 'invoiced').execute()).map((l) => l.customer_email),
        );
        const attendees = billedKeys(
          appointment,
          readJson(attendeesSchema, appointment.customers, 'appointments.customers').map((a) => customerEmailKey({ email: a.email, customerId: a.id ?? a.customerId ?? '' })),
        );
        if (attendees.length > 0 && attendees.every((email) => billed.has(email))) {
          await trx.updateTable('appointments').set({ state: 'invoiced', invoice_id: candidate.id, updated_at: now }).where('id', '=', appointment_id).execute();
        }
      }
      await refreshCounts(trx, candidate.run_id, now);
    });
  }
}
