import type { Transaction } from 'kysely';
import type { SalesInvoice } from '../../clients/business-central/schemas/sales-invoice';
import { toMinor } from '../../domain/money';
import { toIsoUtc, writeJson } from '../../store/columns';
import type { Database, Row } from '../../store/database';

/** What a sync keeps of a posted invoice's payment: Business Central's status, the amount owed (minor units), the due date. */
export interface PaymentFields {
  /** The posted number, for the audit entry (the invoice row may not have it yet). */
  number: string;
  bcStatus: string;
  remainingMinor: number | null;
  dueDate: string | null;
}

/** Only posted invoices carry a payment status: a draft, a status we do not know, or one Business Central no longer has leaves the stored fields as they are. */
export function paymentFieldsOf(bc: SalesInvoice | undefined, currency: string): PaymentFields | undefined {
  if (bc === undefined || bc.status === 'Draft' || bc.status === 'In Review' || bc.status === 'Unknown') return undefined;
  return {
    number: bc.number,
    bcStatus: bc.status,
    remainingMinor: bc.remainingAmount === null ? null : toMinor(bc.remainingAmount, currency),
    dueDate: bc.dueDate === '' ? null : bc.dueDate,
  };
}

export function paymentChanged(invoice: Row<'invoices'>, fields: PaymentFields): boolean {
  return invoice.bc_status !== fields.bcStatus || invoice.remaining_minor !== fields.remainingMinor || invoice.due_date !== fields.dueDate;
}

/**
 * Stores the payment fields, and audits the moment an invoice is found paid (the one payment event
 * people ask about); other changes of the remaining amount are visible on the invoice itself.
 */
export async function applyPayment(trx: Transaction<Database>, invoice: Row<'invoices'>, fields: PaymentFields, now: Date): Promise<void> {
  const at = toIsoUtc(now);
  await trx
    .updateTable('invoices')
    .set({ bc_status: fields.bcStatus, remaining_minor: fields.remainingMinor, due_date: fields.dueDate, updated_at: at })
    .where('id', '=', invoice.id)
    .execute();
  if (fields.bcStatus === 'Paid' && invoice.bc_status !== 'Paid') {
    await trx
      .insertInto('audit_log')
      .values({
        at,
        actor: 'sync',
        source: 'sync',
        action: 'invoice.paid',
        subject: invoice.id,
        details: writeJson({ businessId: invoice.business_id, runId: invoice.run_id, bcInvoiceId: invoice.bc_invoice_id, number: fields.number }),
      })
      .execute();
  }
}
