import type { Transaction } from 'kysely';
import { toIsoUtc } from '../../store/columns';
import type { Database, Row } from '../../store/database';
import { postedUrl } from './posted-url';
import type { ReconcileDecision } from './reconcile-decision';
import { STORED_INVOICE_ERRORS } from '../run/invoice-error-words';
import { audit } from '../../history/audit';

export const CANCELED_REVIEW_REASON = 'Invoice canceled in Business Central';
/** Who the audit log names for what the sync found in Business Central. */
export const RECONCILE_ACTOR = 'sync';

async function appointmentsOf(trx: Transaction<Database>, invoiceId: string): Promise<string[]> {
  const rows = await trx.selectFrom('invoice_lines').select('appointment_id').distinct().where('invoice_id', '=', invoiceId).execute();
  return rows.map((r) => r.appointment_id);
}

async function auditReconcile(
  trx: Transaction<Database>,
  at: string,
  action: string,
  invoice: Row<'invoices'>,
  details: Record<string, unknown>,
): Promise<void> {
  await audit(trx, {
    at,
    actor: RECONCILE_ACTOR,
    source: 'sync',
    action,
    subject: invoice.id,
    details: { businessId: invoice.business_id, runId: invoice.run_id, bcInvoiceId: invoice.bc_invoice_id, number: invoice.bc_number, ...details },
  });
}

/**
 * A draft deleted in Business Central: the invoice is 'deleted', its lines released, and its
 * appointments unbilled again (invoiced → unbilled is the state machine's "draft deleted" move), so
 * they can be invoiced again.
 */
async function releaseDeleted(trx: Transaction<Database>, invoice: Row<'invoices'>, at: string): Promise<string[]> {
  const appointmentIds = await appointmentsOf(trx, invoice.id);
  await trx
    .updateTable('invoices')
    .set({ status: 'deleted', error: STORED_INVOICE_ERRORS.deletedInBc, updated_at: at })
    .where('id', '=', invoice.id)
    .where('status', '=', invoice.status)
    .execute();
  await trx
    .updateTable('invoice_lines')
    .set({ state: 'released', updated_at: at })
    .where('invoice_id', '=', invoice.id)
    .where('state', 'in', ['planned', 'invoiced'])
    .execute();
  if (appointmentIds.length > 0) {
    await trx
      .updateTable('appointments')
      .set({ state: 'unbilled', invoice_id: null, claimed_by_run: null, updated_at: at })
      .where('id', 'in', appointmentIds)
      .where('business_id', '=', invoice.business_id)
      .where('state', '=', 'invoiced')
      .execute();
  }
  return appointmentIds;
}

/** Applies one invoice's decision inside the chunk's transaction; its audit row beside it. */
export async function applyDecision(trx: Transaction<Database>, invoice: Row<'invoices'>, decision: ReconcileDecision, now: Date): Promise<void> {
  const at = toIsoUtc(now);
  switch (decision.kind) {
    case 'unchanged':
      return;
    case 'deleted': {
      const appointmentIds = await releaseDeleted(trx, invoice, at);
      await auditReconcile(trx, at, 'invoice.deleted', invoice, { appointmentIds });
      return;
    }
    case 'posted':
      await trx
        .updateTable('invoices')
        .set({ status: 'posted', posted_number: decision.postedNumber, url: postedUrl(invoice.url, decision.postedNumber), updated_at: at })
        .where('id', '=', invoice.id)
        .execute();
      await auditReconcile(trx, at, 'invoice.posted', invoice, { postedNumber: decision.postedNumber });
      return;
    case 'canceled': {
      const appointmentIds = await appointmentsOf(trx, invoice.id);
      await trx
        .updateTable('invoices')
        .set({ status: 'canceled', posted_number: decision.postedNumber, updated_at: at })
        .where('id', '=', invoice.id)
        .execute();
      // The money was billed and then reversed by a credit memo: a person decides what happens next.
      if (appointmentIds.length > 0) {
        await trx
          .updateTable('appointments')
          .set({ review_reason: CANCELED_REVIEW_REASON, updated_at: at })
          .where('id', 'in', appointmentIds)
          .where('business_id', '=', invoice.business_id)
          .where('review_reason', 'is', null)
          .execute();
      }
      await auditReconcile(trx, at, 'invoice.canceled', invoice, { postedNumber: decision.postedNumber, appointmentIds });
      return;
    }
  }
}
