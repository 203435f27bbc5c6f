import { sql, type Kysely, type SqlBool } from 'kysely';
import { money, totalsByCurrency, type Money } from '../domain/money';
import { keyEmail } from '../invoicing/grouping';
import type { Database, Row } from '../store/database';
import { listPaymentsRequestSchema, type ListPaymentsRequest, type PaymentItem, type PaymentPage } from './payment-schemas';
import { paymentState, type PaymentInfo } from './payment-state';

/** Our invoices that reached Business Central: drafts, posted ones and canceled ones. */
export const LISTED_STATUSES = ['created', 'verified', 'mismatch', 'posted', 'canceled'];

/** A posted invoice Business Central holds open with something still owed (or not said), as SQL over `invoices`. */
export const OPEN_OWING = sql<SqlBool>`(status = 'posted' and bc_status = 'Open' and (remaining_minor is null or remaining_minor > 0))`;

/** paymentState's "overdue" as SQL over `invoices`, so a page holds only overdue invoices. */
export const overdueOn = (today: string) => sql<SqlBool>`(${OPEN_OWING} and due_date < ${today})`;

/** The payment fields a sync stored on an invoice row, or null while it is a draft. */
export function paymentOf(row: Pick<Row<'invoices'>, 'bc_status' | 'remaining_minor' | 'due_date' | 'currency'>): PaymentInfo | null {
  if (row.bc_status === null) return null;
  return { bcStatus: row.bc_status, remaining: row.remaining_minor === null ? null : money(row.remaining_minor, row.currency), dueDate: row.due_date };
}

function toItem(row: Row<'invoices'>, today: string): PaymentItem {
  const payment = paymentOf(row);
  return {
    id: row.id,
    runId: row.run_id,
    number: row.posted_number ?? row.bc_number,
    customer: { name: row.customer_name ?? '', email: keyEmail(row.customer_email ?? '') },
    invoiceDate: row.invoice_date,
    amount: money(row.amount_minor, row.currency),
    // Every listed status has a state; 'posted' is only the type's fallback.
    state: paymentState({ status: row.status, payment }, today) ?? 'posted',
    payment,
    url: row.url,
  };
}

/**
 * A page of the business's invoices with their payment state on `today` (the business's local
 * date): overdue ones by due date, oldest first; otherwise newest first.
 */
export async function listPayments(db: Kysely<Database>, businessId: string, input: ListPaymentsRequest, today: string): Promise<PaymentPage> {
  const request = listPaymentsRequestSchema.parse(input);
  let base = db.selectFrom('invoices').where('business_id', '=', businessId.toLowerCase()).where('status', 'in', LISTED_STATUSES);
  if (request.customer !== undefined) base = base.where('customer_email', '=', request.customer);
  if (request.overdue) base = base.where(overdueOn(today));
  const ordered = request.overdue
    ? base.selectAll().orderBy('due_date').orderBy('customer_name').orderBy('id')
    : base.selectAll().orderBy('invoice_date', 'desc').orderBy('created_at', 'desc').orderBy('id');
  const [counted, rows, owed] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow(),
    ordered.offset(request.offset).limit(request.limit).execute(),
    base
      .select(['currency', (eb) => eb.fn.sum<number | string | bigint>('remaining_minor').as('owed')])
      .where('status', '=', 'posted')
      .where('bc_status', '=', 'Open')
      .groupBy('currency')
      .execute(),
  ]);
  const outstanding: Money[] = totalsByCurrency(owed.filter((o) => Number(o.owed) > 0).map((o) => money(Number(o.owed), o.currency)));
  return { items: rows.map((r) => toItem(r, today)), total: Number(counted.n), offset: request.offset, limit: request.limit, today, outstanding };
}
