import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { PRICE_TYPES } from '../domain/appointment';
import { REASONS, type EligibilityOptions, type Note, type Reason } from './eligibility';

/*
 * Eligibility as SQL over `appointments a LEFT JOIN service_links sl`, so that filtering by it,
 * counting and sorting happen in the database. It mirrors reasonsFor() and pricing.ts rule by rule;
 * eligibility-agreement.test.ts checks both give the same answer. Every predicate here is NULL-free
 * (true or false, never unknown), so NOT and concatenation behave alike on SQLite and PostgreSQL.
 */

const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

/** Price types whose amount Bookings gives. */
const BOOKINGS_PRICED = ['fixedPrice', 'startingAt', 'hourly'] as const;
/** Price types without a Bookings amount: the linked item's unit price, else a price a user typed. */
const PRICE_NEEDED = PRICE_TYPES.filter((t) => !(BOOKINGS_PRICED as readonly string[]).includes(t) && t !== 'free');

/** billedCustomers(): the attendees, else the one customer a person linked to the appointment. */
const billedCustomers = sql<number>`(case
  when a.customer_count > 0 then a.customer_count
  when a.linked_bc_customer_id is not null then 1
  else 0
end)`;

const itemPriced = sql<SqlBool>`coalesce(sl.bc_item_unit_price_minor, 0) > 0`;

/** The unit price of each attendee's line; NULL when unknown or invalid. */
const unitMinor = sql<number | null>`(case
  when a.price_type = 'hourly' and a.duration_minutes <= 0 then null
  when a.price_type in (${list(BOOKINGS_PRICED)}) then case when a.price_minor >= 0 then a.price_minor end
  when a.price_type = 'free' then 0
  when a.price_type in (${list(PRICE_NEEDED)}) then case
    when ${itemPriced} then sl.bc_item_unit_price_minor
    when a.entered_price_minor >= 0 then a.entered_price_minor
  end
end)`;

const unitCurrency = sql<string>`(case
  when a.price_type in (${list(PRICE_NEEDED)}) and ${itemPriced} then coalesce(sl.currency, a.currency)
  else a.currency
end)`;

/** One attendee's line amount: hourly is price × minutes / 60 rounded half up (amounts are never negative here). */
const lineMinor = sql<number | null>`(case
  when a.price_type = 'hourly' then (${unitMinor} * a.duration_minutes + 30) / 60
  else ${unitMinor}
end)`;

function priceReasonSql(addZeroLinesForFree: boolean): RawBuilder<string | null> {
  const free = addZeroLinesForFree ? sql`` : sql`when ${lineMinor} = 0 then 'free'`;
  return sql<string | null>`(case
    when ${unitMinor} is null then case
      when a.price_type in (${list(PRICE_NEEDED)}) and a.entered_price_minor is null then 'price-needed'
      else 'invalid-price'
    end
    ${free}
  end)`;
}

interface Checks {
  byReason: Record<Reason, RawBuilder<SqlBool>>;
  priceReason: RawBuilder<string | null>;
}

function checks(options: EligibilityOptions): Checks {
  const now = options.now.toISOString();
  const priceReason = priceReasonSql(options.addZeroLinesForFree);
  const priceIs = (code: Reason) => sql<SqlBool>`coalesce(${priceReason}, '') = ${sql.lit(code)}`;
  return {
    priceReason,
    byReason: {
      cancelled: sql`a.state = 'cancelled'`,
      invoiced: sql`a.state = 'invoiced'`,
      claimed: sql`a.state = 'claimed'`,
      excluded: sql`a.state = 'excluded'`,
      'not-ended': sql`a.end_utc > ${now}`,
      review: sql`a.review_reason is not null`,
      'no-customer': sql`${billedCustomers} <= 0`,
      'customer-without-email': sql`a.customers_without_email > 0`,
      'customer-blocked': sql`a.customers_blocked > 0`,
      'invalid-price': priceIs('invalid-price'),
      'price-needed': priceIs('price-needed'),
      free: priceIs('free'),
      'service-not-linked': sql`sl.bc_item_id is null`,
    },
  };
}

export interface EligibilitySql {
  /** noteFor(): informational only, so no part of `invoiceable`. */
  note: RawBuilder<Note | null>;
  /** The first reason, NULL when invoiceable. */
  reason: RawBuilder<Reason | null>;
  /** Every reason, each followed by a comma ('' when invoiceable). */
  reasons: RawBuilder<string>;
  /**
   * Invoiceable now: no check fails. Written as a plain conjunction (the price checks as one) so the
   * planner uses the (business_id, state, end_utc) index and each row evaluates the price once.
   */
  invoiceable: RawBuilder<SqlBool>;
  unitMinor: RawBuilder<number | null>;
  unitCurrency: RawBuilder<string>;
  /** What invoicing the whole appointment bills: the line amount for each attendee. */
  amountMinor: RawBuilder<number | null>;
}

export function eligibilitySql(options: EligibilityOptions): EligibilitySql {
  const { byReason, priceReason } = checks(options);
  const now = options.now.toISOString();
  return {
    note: sql<Note | null>`(case when a.last_attempt_failed <> 0 then 'last-attempt-failed' end)`,
    reason: sql<Reason | null>`(case ${sql.join(
      REASONS.map((r) => sql`when ${byReason[r]} then ${sql.lit(r)}`),
      sql` `,
    )} end)`,
    reasons: sql<string>`(${sql.join(
      REASONS.map((r) => sql`(case when ${byReason[r]} then ${sql.lit(`${r},`)} else '' end)`),
      sql` || `,
    )})`,
    invoiceable: sql<SqlBool>`(a.state = 'unbilled'
      and a.end_utc <= ${now}
      and a.review_reason is null
      and ${billedCustomers} > 0
      and a.customers_without_email <= 0
      and a.customers_blocked <= 0
      and sl.bc_item_id is not null
      and ${priceReason} is null)`,
    unitMinor,
    unitCurrency,
    amountMinor: sql<number | null>`(${lineMinor} * ${billedCustomers})`,
  };
}
