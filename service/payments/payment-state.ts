import { z } from 'zod';

/*
 * Where one of our invoices stands with the customer's money. Pure, so the service, the bot, the
 * CLI and the tab all decide "overdue" the same way from what the last sync read in Business
 * Central: nothing here is stored, because "overdue" changes with the day, not with the data.
 */

export const PAYMENT_STATES = ['draft', 'posted', 'paid', 'overdue', 'canceled'] as const;
export const paymentStateSchema = z.enum(PAYMENT_STATES);
export type PaymentState = z.infer<typeof paymentStateSchema>;

export const moneyAmountSchema = z.object({ minor: z.number().int(), currency: z.string() });

/** What a sync read of a posted invoice's payment in Business Central. */
export const paymentInfoSchema = z.object({
  /** Business Central's status: Open, Paid, Canceled or Corrective. */
  bcStatus: z.string(),
  /** What the customer still owes; null when Business Central did not say. */
  remaining: moneyAmountSchema.nullable(),
  /** YYYY-MM-DD */
  dueDate: z.string().nullable(),
});
export type PaymentInfo = z.infer<typeof paymentInfoSchema>;

/** Our statuses of an invoice that exists in Business Central as a draft. */
const DRAFT_STATUSES: ReadonlySet<string> = new Set(['created', 'verified', 'mismatch']);

/**
 * The payment state of an invoice on `today` (the business's local date, YYYY-MM-DD), or null for
 * one that never reached Business Central (planned, failed, deleted). An open invoice is overdue
 * from the day after its due date while anything is still owed.
 */
export function paymentState(invoice: { status: string; payment: PaymentInfo | null }, today: string): PaymentState | null {
  const { status, payment } = invoice;
  if (status === 'canceled' || payment?.bcStatus === 'Canceled') return 'canceled';
  if (DRAFT_STATUSES.has(status)) return 'draft';
  if (status !== 'posted') return null;
  if (payment === null) return 'posted';
  if (payment.bcStatus === 'Paid' || (payment.remaining !== null && payment.remaining.minor <= 0)) return 'paid';
  if (payment.bcStatus === 'Open' && payment.dueDate !== null && payment.dueDate < today) return 'overdue';
  return 'posted';
}
