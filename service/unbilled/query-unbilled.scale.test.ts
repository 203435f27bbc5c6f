import { sql, type Kysely, type RawBuilder } from 'kysely';
import { describeEachStore } from '../store/testing/test-stores';
import type { Database } from '../store/database';
import { isPostgres } from './dialect';
import { queryUnbilled } from './query-unbilled';
import { BUSINESS, context, resetRows, serviceLink } from './testing/unbilled-fixtures';
import type { UnbilledRequestInput, UnbilledRow } from './unbilled-schemas';

/*
 * A year of a busy clinic: 100,000 appointments, most already invoiced. The rows are generated inside
 * the database (a recursive CTE), so the suite spends its time on the query, not on inserting.
 * No timing is asserted: this shows the query completes with consistent numbers at that size.
 */

const ROWS = 100_000;
const FIRST_START_SECONDS = Date.parse('2025-11-21T07:00:00.000Z') / 1000;
const STATES = ['unbilled', 'unbilled', 'invoiced', 'invoiced', 'invoiced', 'excluded', 'cancelled'] as const;

/** Row i of the generated table, as JS sees it, to know the expected totals. */
function expected() {
  let count = 0;
  const amounts: Record<string, number> = { DKK: 0, EUR: 0 };
  for (let i = 0; i < ROWS; i++) {
    const invoiceable = STATES[i % STATES.length] === 'unbilled' && i % 97 !== 0 && i % 50 !== 0;
    if (!invoiceable) continue;
    const price = 40000 + (i % 13) * 1000;
    count += 1;
    amounts[i % 17 === 0 ? 'EUR' : 'DKK']! += i % 10 === 0 ? Math.floor((price * 45 + 30) / 60) : price;
  }
  return { count, amounts };
}

function isoAt(seconds: RawBuilder<number>, postgres: boolean): RawBuilder<string> {
  return postgres
    ? sql`to_char(to_timestamp(${seconds}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"')`
    : sql`strftime('%Y-%m-%dT%H:%M:%S.000Z', ${seconds}, 'unixepoch')`;
}

async function insertLargeTable(db: Kysely<Database>): Promise<void> {
  const postgres = isPostgres(db);
  const start = sql<number>`(${sql.lit(FIRST_START_SECONDS)} + (i / 3) * 900)`;
  const end = sql<number>`(${start} + 2700)`;
  const customer = sql`(i % 700)`;
  const state = sql.join(
    STATES.map((s, k) => sql`when ${sql.lit(k)} then ${sql.lit(s)}`),
    sql` `,
  );
  await sql`insert into appointments (id, business_id, start_utc, end_utc, duration_minutes, service_id, service_name,
      staff_member_ids, customers, price_minor, currency, price_type, state, content_hash, created_at, updated_at,
      customer_count, customers_without_email, search_text)
    with recursive n(i) as (select 0 union all select i + 1 from n where i < ${sql.lit(ROWS - 1)})
    select 'big-' || i, ${BUSINESS}, ${isoAt(start, postgres)}, ${isoAt(end, postgres)}, 45,
      case when i % 50 = 0 then 'svc-unlinked' else 'svc-linked' end, 'Fysioterapi', '["staff-1"]',
      '[{"id":"c-' || ${customer} || '","name":"Customer ' || ${customer} || '","email":'
        || case when i % 97 = 0 then 'null' else '"c' || ${customer} || '@example.dk"' end || ',"timeZone":null}]',
      40000 + (i % 13) * 1000,
      case when i % 17 = 0 then 'EUR' else 'DKK' end,
      case when i % 10 = 0 then 'hourly' else 'fixedPrice' end,
      case i % ${sql.lit(STATES.length)} ${state} end,
      'hash', '2026-11-20T00:00:00.000Z', '2026-11-20T00:00:00.000Z',
      1, case when i % 97 = 0 then 1 else 0 end,
      'customer ' || ${customer} || ' c' || ${customer} || '@example.dk fysioterapi'
    from n`.execute(db);
  if (postgres) await sql`analyze appointments`.execute(db);
}

describeEachStore('queryUnbilled on 100,000 appointments', (getStore) => {
  beforeAll(async () => {
    await resetRows(getStore().db, [], [serviceLink('svc-linked')]);
    await insertLargeTable(getStore().db);
  }, 60_000);

  it('answers the first page with the count, the totals and the days', async () => {
    const result = await queryUnbilled(getStore().db, { businessId: BUSINESS }, context());
    const { count, amounts } = expected();
    expect(result.rows).toHaveLength(50);
    expect(result.rows.every((r) => r.reason === null)).toBe(true);
    expect(result.total).toBe(count);
    expect(result.totals).toEqual({
      count,
      amounts: [
        { currency: 'DKK', minor: amounts['DKK'] },
        { currency: 'EUR', minor: amounts['EUR'] },
      ],
    });
    expect(result.byDay.reduce((sum, d) => sum + d.count, 0)).toBe(count);
    expect(result.rows[0]?.start).toBe('2025-11-21T07:00:00.000Z');
  });

  // The price and amount sorts walk migration 0025's indexes, the deep pages the cursor's seek: the
  // rows must be those of the documented order (the key, then the id ascending among its many ties).
  it.each([
    ['amount', 'desc'],
    ['amount', 'asc'],
    ['price', 'desc'],
    ['start', 'asc'],
  ] as const)('pages deep by %s %s alike by offset and by cursor, in order', async (sort, direction) => {
    const query = (request: Partial<UnbilledRequestInput>) => queryUnbilled(getStore().db, { businessId: BUSINESS, sort, direction, ...request }, context());
    const before = await query({ offset: 20_000 - 50 });
    const byOffset = await query({ offset: 20_000 });
    expect(await query({ offset: 20_000, after: before.after! })).toEqual(byOffset);
    const rows = [...before.rows, ...byOffset.rows];
    const key = (r: UnbilledRow) => (sort === 'start' ? r.start : sort === 'price' ? r.price!.minor : r.amount!.minor);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [key(rows[i - 1]!), key(rows[i]!)];
      expect(a === b ? rows[i - 1]!.id < rows[i]!.id : a < b === (direction === 'asc')).toBe(true);
    }
  });

  it('answers a word search over every state sorted by customer', async () => {
    const result = await queryUnbilled(
      getStore().db,
      { businessId: BUSINESS, state: 'all', search: 'customer 699', sort: 'customer', direction: 'desc', limit: 500 },
      context(),
    );
    expect(result.total).toBe(Array.from({ length: ROWS }, (_, i) => i % 700).filter((c) => c === 699).length);
    expect(result.rows.every((r) => r.customers[0]?.name === 'Customer 699')).toBe(true);
  });
});
