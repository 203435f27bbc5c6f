import type { PaymentInfo, PaymentState } from '../../../../contract/api-contract';
import { formatDay, formatMoney } from '../../i18n/format';
import type { Messages } from '../../i18n/messages-en';

/** An invoice's payment state in words: Draft, Posted (number), Paid, Overdue since <due date>, Cancelled; '' for none. */
export function paymentWords(state: PaymentState | null, invoice: { number: string | null; payment: PaymentInfo | null }, t: Messages, tag: string): string {
  switch (state) {
    case null:
      return '';
    case 'draft':
      return t.paymentDraft;
    case 'posted':
      return t.paymentPosted(invoice.number);
    case 'paid':
      return t.paymentPaid;
    case 'overdue':
      return invoice.payment?.dueDate ? t.paymentOverdue(formatDay(invoice.payment.dueDate, tag)) : t.paymentPosted(invoice.number);
    case 'canceled':
      return t.paymentCanceled;
  }
}

/** What is still owed, as Business Central last said; a dash where it has not said (a draft). */
export function remainingWords(payment: PaymentInfo | null, t: Messages, tag: string): string {
  return payment?.remaining ? formatMoney(payment.remaining, tag) : t.notKnown;
}

/** A due date, or a dash. */
export function dueWords(payment: PaymentInfo | null, t: Messages, tag: string): string {
  return payment?.dueDate ? formatDay(payment.dueDate, tag) : t.notKnown;
}
