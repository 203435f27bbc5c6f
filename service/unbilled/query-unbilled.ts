import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/database';
import { listTotals, type ListTotals } from './list-totals';
import type { ListTotalsCache } from './list-totals-cache';
import { toUnbilledRow, type UnbilledRecord } from './row-mapper';
import { filteredAppointments, joinedAppointments, type UnbilledContext } from './unbilled-source';
import { cursorKeys, encodeCursor, type CursorValue } from './list-cursor';
import { afterCondition, orderBy, orderTerms, selectedOrder } from './unbilled-order';
import { unbilledRequestSchema, type UnbilledRequestInput, type UnbilledResponse, type UnbilledRow } from './unbilled-schemas';

/**
 * One page of appointments matching a filter, with the reasons each cannot be invoiced, the count
 * of all matching rows, and the invoiceable amounts by currency and by local day. The page is one
 * query; the count, totals and days come from list-totals.ts, through the process's cache of them when
 * the caller passes one (the façade does: list-totals-cache.ts says when they are kept).
 */
export async function queryUnbilled(
  db: Kysely<Database>,
  input: UnbilledRequestInput,
  context: UnbilledContext,
  totalsCache?: ListTotalsCache,
): Promise<UnbilledResponse> {
  const request = unbilledRequestSchema.parse(input);
  const { eligibility, postgres } = await filteredAppointments(db, request, context);
  // Rows that cannot be a fee and the few that may be, apart: the first are answered from the list
  // indexes without reading a row (see eligibility-sql.ts RowPart), the second by the whole rule.
  const parts = await Promise.all((['plain', 'fee'] as const).map((part) => filteredAppointments(db, request, context, part)));
  const anyTerms = orderTerms(request.sort, request.direction, { postgres, eligibility, state: request.state, part: 'any' });
  // Each part's order has as many terms as this one, so a cursor that fits it fits theirs.
  const cursor = request.after === undefined ? undefined : cursorKeys(request.after, request, anyTerms.length);
  const order = orderBy(request.sort, request.direction, { postgres, eligibility, state: request.state, part: 'any' });
  // The page's ids are found first (the two parts merged in order), so the reason and price columns
  // are computed for its rows only.
  const [plain, fee] = parts.map((p) => {
    const terms = orderTerms(request.sort, request.direction, { postgres, eligibility: p.eligibility, state: request.state, part: p.part });
    const sorted = p.part === 'fee' && !postgres;
    const keys = selectedOrder(terms, sorted);
    const rows = cursor === undefined ? p.query : p.query.where(afterCondition(terms, cursor, postgres, sorted));
    return { rows: rows.select(['a.id', ...keys.columns]), keys };
  });
  const { rows: plainRows, keys: plainKeys } = plain!;
  const { rows: feeRows, keys: feeKeys } = fee!;
  // With a cursor the page starts right after its row: the offset is the caller's to show.
  const skip = cursor === undefined ? request.offset : 0;
  // PostgreSQL sorts every row of a UNION ALL before its LIMIT; each part ordered and cut to the page's
  // reach first lets it walk a list index for each (SQLite already merges the parts in index order).
  const reach = skip + request.limit;
  const pageIds = postgres
    ? db
        .selectFrom(
          db
            .selectFrom(plainRows.orderBy(plainKeys.order).limit(reach).as('plain'))
            .selectAll()
            .unionAll(db.selectFrom(feeRows.orderBy(feeKeys.order).limit(reach).as('fee')).selectAll())
            .orderBy(plainKeys.order)
            .limit(request.limit)
            .offset(skip)
            .as('p'),
        )
        .select(sql<string>`p.id`.as('id'))
    : db.selectFrom(plainRows.unionAll(feeRows).orderBy(plainKeys.order).limit(request.limit).offset(skip).as('p')).select('p.id');
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
      ...anyTerms.map((t, i) => t.key.as(`cursor_k${i}`)),
    ])
    .orderBy(order);

  const { sort: _sort, direction: _direction, offset: _offset, limit: _limit, after: _after, ...filter } = request;
  const [pageRows, totals]: [(UnbilledRecord & Record<string, unknown>)[], ListTotals] = await Promise.all([
    page.execute(),
    totalsCache === undefined ? listTotals(db, filter, context) : totalsCache.totals(db, filter, context),
  ]);
  const last = pageRows.at(-1);
  return {
    rows: await withBusinessCentralCustomers(db, request.businessId, pageRows.map(toUnbilledRow)),
    ...totals,
    offset: request.offset,
    limit: request.limit,
    ...(last !== undefined && pageRows.length === request.limit
      ? {
          after: encodeCursor({
            sort: request.sort,
            direction: request.direction,
            state: request.state,
            keys: anyTerms.map((_, i) => last[`cursor_k${i}`] as CursorValue),
          }),
        }
      : {}),
  };
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
