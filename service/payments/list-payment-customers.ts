import { sql, type Kysely, type RawBuilder } from 'kysely';
import { money, totalsByCurrency, type Money } from '../domain/money';
import type { Database } from '../store/database';
import { danishSortKey } from '../unbilled/danish-sort-key';
import { isPostgres } from '../unbilled/dialect';
import { LISTED_STATUSES, OPEN_OWING, overdueOn } from './list-payments';
import { listPaymentCustomersRequestSchema, type ListPaymentCustomersRequest, type PaymentCustomerPage, type PaymentCustomerSort } from './payment-schemas';

type Count = number | string | bigint;

/** What a customer owes on its open posted invoices, summed across currencies: only an order, never shown (a business bills in one currency). */
const OWED_ANY = sql<Count>`sum(case when ${OPEN_OWING} then coalesce(remaining_minor, 0) else 0 end)`;
const OLDEST_DUE = sql<string | null>`min(case when ${OPEN_OWING} then due_date end)`;
const NAME = sql<string | null>`max(customer_name)`;

function orderTerms(sort: PaymentCustomerSort, postgres: boolean): RawBuilder<unknown> {
  // Byte order on PostgreSQL too, so both stores sort names alike (see danish-sort-key.ts).
  const byName = postgres ? sql`${danishSortKey(sql`coalesce(${NAME}, '')`)} collate "C"` : danishSortKey(sql`coalesce(${NAME}, '')`);
  const terms: RawBuilder<unknown>[] = [];
  if (sort === 'due') terms.push(sql`(case when ${OLDEST_DUE} is null then 1 else 0 end) asc`, sql`${OLDEST_DUE} asc`);
  if (sort === 'owed') terms.push(sql`${OWED_ANY} desc`);
  terms.push(sql`${byName} asc`, postgres ? sql`customer_email collate "C" asc` : sql`customer_email asc`);
  return sql.join(terms);
}

/**
 * The customer view: the business's customers (by the email their invoices were made out to) with
 * how many of their invoices reached Business Central, how many are overdue on `today`, what they
 * owe and their oldest unpaid due date. With `overdue`, only customers with overdue invoices, each
 * counted and summed over those alone. Invoices from before customers were stored on them (no email) are left out.
 */
export async function listPaymentCustomers(
  db: Kysely<Database>,
  businessId: string,
  input: ListPaymentCustomersRequest,
  today: string,
): Promise<PaymentCustomerPage> {
  const request = listPaymentCustomersRequestSchema.parse(input);
  let base = db
    .selectFrom('invoices')
    .where('business_id', '=', businessId.toLowerCase())
    .where('status', 'in', LISTED_STATUSES)
    .where('customer_email', 'is not', null);
  if (request.overdue) base = base.where(overdueOn(today));
  const [counted, rows] = await Promise.all([
    base.select(sql<Count>`count(distinct customer_email)`.as('n')).executeTakeFirstOrThrow(),
    base
      .select([
        'customer_email',
        NAME.as('name'),
        sql<Count>`count(*)`.as('invoices'),
        sql<Count>`sum(case when ${overdueOn(today)} then 1 else 0 end)`.as('overdue'),
        OLDEST_DUE.as('oldest_due'),
        sql<string | null>`max(invoice_date)`.as('last_invoice_date'),
      ])
      .groupBy('customer_email')
      .orderBy(orderTerms(request.sort, isPostgres(db)))
      .offset(request.offset)
      .limit(request.limit)
      .execute(),
  ]);
  const emails = rows.map((r) => r.customer_email ?? '');
  const owed = new Map<string, Money[]>();
  if (emails.length > 0) {
    const sums = await base
      .where('customer_email', 'in', emails)
      .where(OPEN_OWING)
      .where('remaining_minor', '>', 0)
      .select(['customer_email', 'currency', sql<Count>`sum(remaining_minor)`.as('owed')])
      .groupBy(['customer_email', 'currency'])
      .execute();
    for (const sum of sums) {
      const email = sum.customer_email ?? '';
      owed.set(email, [...(owed.get(email) ?? []), money(Number(sum.owed), sum.currency)]);
    }
  }
  return {
    customers: rows.map((row) => {
      const email = row.customer_email ?? '';
      return {
        name: row.name ?? '',
        email,
        invoices: Number(row.invoices),
        overdue: Number(row.overdue),
        owed: totalsByCurrency(owed.get(email) ?? []),
        oldestDue: row.oldest_due,
        lastInvoiceDate: row.last_invoice_date,
      };
    }),
    total: Number(counted.n),
    offset: request.offset,
    limit: request.limit,
    today,
  };
}
