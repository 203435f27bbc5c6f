import { sql, type Kysely, type RawBuilder } from 'kysely';
import { totalsByCurrency } from '../domain/money';
import type { Database } from '../store/database';
import { bucketKeyLength, hourRepresentatives, sumByLocalDay, type BucketSum } from '../domain/day-buckets';
import { toUnbilledRow, type UnbilledRecord } from './row-mapper';
import { filteredAppointments, joinedAppointments, type UnbilledContext } from './unbilled-source';
import { orderBy, orderTerms, selectedOrder } from './unbilled-order';
import { unbilledRequestSchema, type UnbilledRequestInput, type UnbilledResponse, type UnbilledRow } from './unbilled-schemas';

interface GroupRecord {
  bucket: string;
  currency: string;
  matching: number;
  invoiceable: number;
  minor: number;
}

/**
 * One page of appointments matching a filter, with the reasons each cannot be invoiced, the count
 * of all matching rows, and the invoiceable amounts by currency and by local day. Three queries: the
 * page, and an aggregate grouped by start hour and currency for each RowPart, from which the count,
 * totals and days come.
 */
export async function queryUnbilled(db: Kysely<Database>, input: UnbilledRequestInput, context: UnbilledContext): Promise<UnbilledResponse> {
  const request = unbilledRequestSchema.parse(input);
  const { eligibility, postgres } = filteredAppointments(db, request, context);
  // Rows that cannot be a fee and the few that may be, apart: the first are answered from the list
  // indexes without reading a row (see eligibility-sql.ts RowPart), the second by the whole rule.
  const parts = (['plain', 'fee'] as const).map((part) => filteredAppointments(db, request, context, part));
  const timeZone = context.setup.dailySummary.timeZone;

  const order = orderBy(request.sort, request.direction, { postgres, eligibility, state: request.state, part: 'any' });
  // The page's ids are found first (the two parts merged in order), so the reason and price columns
  // are computed for its rows only.
  const [plainKeys, feeKeys] = parts.map((p) =>
    selectedOrder(
      orderTerms(request.sort, request.direction, { postgres, eligibility: p.eligibility, state: request.state, part: p.part }),
      p.part === 'fee' && !postgres,
    ),
  );
  const pageIds = db
    .selectFrom(
      parts[0]!.query
        .select(['a.id', ...plainKeys!.columns])
        .unionAll(parts[1]!.query.select(['a.id', ...feeKeys!.columns]))
        .orderBy(plainKeys!.order)
        .limit(request.limit)
        .offset(request.offset)
        .as('p'),
    )
    .select('p.id');
  const page = joinedAppointments(db)
    .where('a.id', 'in', pageIds)
    .select([
      'a.id',
      'a.start_utc',
      'a.end_utc',
      'a.duration_minutes',
      'a.service_id',
      'a.service_name',
      'a.staff_member_ids',
      'a.customers',
      'a.price_type',
      'a.state',
      'a.review_reason',
      'a.entered_price_minor',
      'a.no_show',
      'a.currency',
      'a.linked_bc_customer_number',
      'a.linked_bc_customer_name',
      eligibility.note.as('note'),
      eligibility.reason.as('reason'),
      eligibility.reasons.as('reasons'),
      eligibility.unitMinor.as('unit_minor'),
      eligibility.unitCurrency.as('unit_currency'),
      eligibility.amountMinor.as('amount_minor'),
      eligibility.amountCurrency.as('amount_currency'),
      eligibility.feeKind.as('fee_kind'),
      eligibility.feeMinor.as('fee_minor'),
    ])
    .orderBy(order);

  const bucket = bucketSql(timeZone, context.now);
  const groups = parts.map(({ query, eligibility: e }) =>
    query
      .select([
        bucket.as('bucket'),
        e.amountCurrency.as('currency'),
        sql<number>`count(*)`.as('matching'),
        sql<number>`sum(case when ${e.invoiceable} then 1 else 0 end)`.as('invoiceable'),
        sql<number>`sum(case when ${e.invoiceable} then ${e.amountMinor} else 0 end)`.as('minor'),
      ])
      .groupBy([sql`1`, sql`2`]),
  );

  const [pageRows, ...groupParts]: [UnbilledRecord[], ...GroupRecord[][]] = await Promise.all([page.execute(), ...groups.map((g) => g.execute())]);
  const groupRows = groupParts.flat();

  const buckets: BucketSum[] = groupRows.map((g) => ({
    bucket: g.bucket,
    currency: g.currency,
    count: Number(g.invoiceable),
    minor: Number(g.minor),
  }));
  return {
    rows: await withBusinessCentralCustomers(db, request.businessId, pageRows.map(toUnbilledRow)),
    total: groupRows.reduce((sum, g) => sum + Number(g.matching), 0),
    totals: {
      count: buckets.reduce((sum, b) => sum + b.count, 0),
      amounts: totalsByCurrency(buckets.filter((b) => b.count > 0).map((b) => ({ minor: b.minor, currency: b.currency }))),
    },
    byDay: sumByLocalDay(buckets, timeZone),
    offset: request.offset,
    limit: request.limit,
  };
}

/**
 * The start-time bucket SQL groups by: the minute where the zone has part-hour offsets, else the
 * UTC hour with each run of hours on one local day folded into its first (hourRepresentatives), so a
 * year is about a thousand groups rather than 8,760.
 */
function bucketSql(timeZone: string, now: Date): RawBuilder<string> {
  const keyLength = bucketKeyLength(timeZone, now);
  const hour = sql<string>`substr(a.start_utc, 12, 2)`;
  if (keyLength !== 13) return sql<string>`substr(a.start_utc, 1, ${sql.lit(keyLength)})`;
  const runs = new Map<string, string[]>();
  for (const [h, first] of hourRepresentatives(timeZone, now)) runs.set(first, [...(runs.get(first) ?? []), h]);
  const folded = [...runs].filter(([, hours]) => hours.length > 1);
  if (folded.length === 0) return sql<string>`substr(a.start_utc, 1, 13)`;
  const cases = folded.map(([first, hours]) => sql`when ${hour} between ${sql.lit(first)} and ${sql.lit(hours[hours.length - 1]!)} then ${sql.lit(first)}`);
  return sql<string>`(substr(a.start_utc, 1, 11) || case ${sql.join(cases, sql` `)} else ${hour} end)`;
}

/** Each attendee's linked Business Central customer (number, blocked), read for the page's attendees only. */
async function withBusinessCentralCustomers(db: Kysely<Database>, businessId: string, rows: UnbilledRow[]): Promise<UnbilledRow[]> {
  const ids = [...new Set(rows.flatMap((r) => r.customers.map((c) => c.customerId)).filter((id) => id !== ''))];
  if (ids.length === 0) return rows;
  const links = await db
    .selectFrom('customer_links')
    .select(['bookings_customer_id', 'bc_customer_number', 'bc_blocked'])
    .where('business_id', '=', businessId)
    .where('bookings_customer_id', 'in', ids)
    .where('bc_customer_id', 'is not', null)
    .execute();
  const byId = new Map(links.map((l) => [l.bookings_customer_id, { number: l.bc_customer_number ?? '', blocked: l.bc_blocked === 1 }]));
  // Left out where there is no link, so the rows of a business without links read as before.
  return rows.map((row) => ({
    ...row,
    customers: row.customers.map((c) => (byId.has(c.customerId) ? { ...c, businessCentral: byId.get(c.customerId) ?? null } : c)),
  }));
}
