import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { PRICE_TYPES } from '../domain/appointment';
import type { FeeKind } from '../domain/fees';
import type { NoShowFee } from '../setup/setup-schema';
import { feeSetupOf, REASONS, type EligibilityOptions, type Note, type Reason } from './eligibility';

/*
 * Eligibility as SQL over `appointments a LEFT JOIN service_links sl`, so that filtering by it,
 * counting and sorting happen in the database. What the row and its service link decide is read from
 * the list_* columns migration 0018 keeps (see there); the clock and the setup are applied here. It mirrors reasonsFor() and pricing.ts rule by rule;
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

/**
 * The unit price of each attendee's line (NULL when unknown or invalid) and its currency: the row and
 * its service link decide both, so migration 0018's triggers keep them on the row.
 */
const unitMinor = sql<number | null>`a.list_unit_minor`;
const unitCurrency = sql<string>`a.list_currency`;

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

/** Whole seconds since the epoch of a stored ISO UTC text column. */
const epochSeconds = (column: RawBuilder<string>, postgres: boolean): RawBuilder<number> =>
  postgres ? sql<number>`floor(extract(epoch from cast(${column} as timestamptz)))` : sql<number>`cast(strftime('%s', ${column}) as integer)`;

/** fees.ts feeKindOf(): a no-show, else a cancellation first seen missing from the window before the start until the end. */
function feeKindSql(fee: NoShowFee, postgres: boolean): RawBuilder<FeeKind | null> {
  const hours = fee.lateCancellationHours;
  const late =
    hours <= 0
      ? sql<SqlBool>`1 = 0`
      : sql<SqlBool>`(a.cancelled_seen_at is not null
          and ${epochSeconds(sql`a.cancelled_seen_at`, postgres)} >= ${epochSeconds(sql`a.start_utc`, postgres)} - ${sql.lit(hours * 3600)}
          and a.cancelled_seen_at <= a.end_utc)`;
  return sql<FeeKind | null>`(case when a.no_show <> 0 then 'no-show' when ${late} then 'late-cancellation' end)`;
}

/** fees.ts feeItemFor(): the service's own fee item, else the one fee item; NULL when neither. */
function feeItemSql(fee: NoShowFee): RawBuilder<string | null> {
  const fallback = fee.itemId === null ? sql`cast(null as text)` : sql`cast(${fee.itemId} as text)`;
  const own = Object.entries(fee.perService);
  if (own.length === 0) return sql<string | null>`${fallback}`;
  return sql<string | null>`(case ${sql.join(
    own.map(([service, item]) => sql`when a.service_id = ${service} then cast(${item} as text)`),
    sql` `,
  )} else ${fallback} end)`;
}

/** fees.ts feeFor(): one attendee's fee, fixed or the percent of the line rounded half up (never negative here). */
function feeMinorSql(fee: NoShowFee): RawBuilder<number | null> {
  if (fee.rule.kind === 'fixed') return sql<number | null>`${sql.lit(fee.rule.amountMinor)}`;
  return sql<number | null>`((${lineMinor} * ${sql.lit(fee.rule.percent)} + 50) / 100)`;
}

/** fees.ts feeFor()'s problems, in its order; NULL when the fee can be billed. */
function feeProblemSql(fee: NoShowFee, addZeroLinesForFree: boolean): RawBuilder<string | null> {
  const price =
    fee.rule.kind === 'percent'
      ? sql`when ${unitMinor} is null then case
          when a.price_type in (${list(PRICE_NEEDED)}) and a.entered_price_minor is null then 'price-needed'
          else 'invalid-price'
        end`
      : sql``;
  const free = addZeroLinesForFree ? sql`` : sql`when ${feeMinorSql(fee)} = 0 then 'free'`;
  return sql<string | null>`(case when ${feeItemSql(fee)} is null then 'fee-item-missing' ${price} ${free} end)`;
}

interface Checks {
  byReason: Record<Reason, RawBuilder<SqlBool>>;
  /** The price reason of the service, or the fee's problem for a fee appointment. */
  priceReason: RawBuilder<string | null>;
  feeKind: RawBuilder<FeeKind | null>;
}

function checks(options: EligibilityOptions, postgres: boolean, part: RowPart): Checks {
  const now = options.now.toISOString();
  const fee = feeSetupOf(options);
  // A row of the plain part is never a fee (list_fee = 0: no no-show, no cancellation seen), so its
  // reasons skip the fee rule: the state sort computes them for every row it orders.
  const feeKind = part === 'plain' ? sql<FeeKind | null>`cast(null as text)` : feeKindSql(fee, postgres);
  const priceReason =
    part === 'plain'
      ? priceReasonSql(options.addZeroLinesForFree)
      : sql<string | null>`(case when ${feeKind} is null then ${priceReasonSql(options.addZeroLinesForFree)} else ${feeProblemSql(
          fee,
          options.addZeroLinesForFree,
        )} end)`;
  const priceIs = (code: Reason) => sql<SqlBool>`coalesce(${priceReason}, '') = ${sql.lit(code)}`;
  return {
    priceReason,
    feeKind,
    byReason: {
      cancelled: sql`((a.state = 'cancelled' or a.cancelled_seen_at is not null) and ${feeKind} is null)`,
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
      'service-not-linked': sql`(${feeKind} is null and sl.bc_item_id is null)`,
      'fee-item-missing': priceIs('fee-item-missing'),
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
   * Invoiceable now: no check fails. A row that cannot be a fee reads the stored verdict and adds the
   * clock and the free check, so the planner answers from the list index without evaluating the rule.
   */
  invoiceable: RawBuilder<SqlBool>;
  unitMinor: RawBuilder<number | null>;
  unitCurrency: RawBuilder<string>;
  /** What invoicing the whole appointment bills: the line amount (or fee) for each attendee. */
  amountMinor: RawBuilder<number | null>;
  /** Not billed yet: unbilled, or cancelled but billable as a fee (a no-show, a late cancellation). */
  open: RawBuilder<SqlBool>;
  /** What the appointment is billed as instead of the service; NULL for the service. */
  feeKind: RawBuilder<FeeKind | null>;
  /** One attendee's fee when feeKind is set and its amount known; NULL otherwise. */
  feeMinor: RawBuilder<number | null>;
  /** Of the amount (and the fee): a fixed fee is in the appointment's currency. */
  amountCurrency: RawBuilder<string>;
}

/**
 * Which rows the expressions are for. `plain`: rows that cannot be a fee (list_fee = 0), whose verdict,
 * amount and currency are the stored columns alone, so an index answers without reading the row.
 * `fee`: the others (list_fee = 1), by the whole rule. `any`: either, choosing by list_fee per row.
 * The caller adds the matching list_fee condition for `plain` and `fee`.
 */
export type RowPart = 'plain' | 'fee' | 'any';

export function eligibilitySql(options: EligibilityOptions, postgres: boolean, part: RowPart = 'any'): EligibilitySql {
  const { byReason, priceReason, feeKind } = checks(options, postgres, part);
  const fee = feeSetupOf(options);
  const feeMinor = sql<number | null>`(case when ${feeKind} is not null then ${feeMinorSql(fee)} end)`;
  // list_open = 1 first: a superset the index finds, narrowed by the fee the setup gives.
  const open = sql<SqlBool>`(a.list_open = 1 and (a.state = 'unbilled' or ${feeKind} is not null))`;
  const now = options.now.toISOString();
  // On SQLite `+` keeps the clock's bound off the index choice: nearly every open row has ended, so a
  // range on the end reads them all, where the list indexes find the few rows asked for (a fee part's
  // by list_fee, the plain part's in the requested order without a sort).
  const ended = postgres ? sql`a.end_utc` : sql`+a.end_utc`;
  /** The whole rule, for a row that may be billed as a fee (list_fee = 1): the setup decides. */
  const feeInvoiceable = sql<SqlBool>`(${open}
      and ${ended} <= ${now}
      and a.review_reason is null
      and ${billedCustomers} > 0
      and a.customers_without_email <= 0
      and a.customers_blocked <= 0
      and (${feeKind} is not null or (sl.bc_item_id is not null and a.cancelled_seen_at is null))
      and ${priceReason} is null)`;
  const free = options.addZeroLinesForFree ? sql`` : sql` and a.list_amount_minor <> 0`;
  const plainInvoiceable = sql<SqlBool>`(a.list_ready = 1 and ${ended} <= ${now}${free})`;
  const feeAmount = sql<number | null>`(case when ${feeKind} is null then ${lineMinor} else ${feeMinor} end * ${billedCustomers})`;
  const feeCurrency = fee.rule.kind === 'fixed' ? sql<string>`(case when ${feeKind} is null then ${unitCurrency} else a.currency end)` : unitCurrency;
  const byPart = {
    plain: {
      open: sql<SqlBool>`a.list_open = 1`,
      invoiceable: sql<SqlBool>`(a.list_open = 1 and ${plainInvoiceable})`,
      amountMinor: sql<number | null>`a.list_amount_minor`,
      amountCurrency: unitCurrency,
    },
    fee: { open, invoiceable: feeInvoiceable, amountMinor: feeAmount, amountCurrency: feeCurrency },
    any: {
      open,
      invoiceable: sql<SqlBool>`(a.list_open = 1 and case when a.list_fee = 0 then ${plainInvoiceable} else ${feeInvoiceable} end)`,
      amountMinor: sql<number | null>`(case when a.list_fee = 0 then a.list_amount_minor else ${feeAmount} end)`,
      amountCurrency: sql<string>`(case when a.list_fee = 0 then ${unitCurrency} else ${feeCurrency} end)`,
    },
  }[part];
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
    ...byPart,
    unitMinor,
    unitCurrency,
    feeKind,
    feeMinor,
  };
}
