import { describeEachStore } from '../store/testing/test-stores';
import { queryUnbilled } from './query-unbilled';
import { appointmentRow, BUSINESS, context, NOW, resetRows, serviceLink } from './testing/unbilled-fixtures';
import { SORT_KEYS, type UnbilledRequestInput, type UnbilledRow } from './unbilled-schemas';

/*
 * The filters that give a few appointment ids (a staff member, a customer, a searched name) are found
 * through migration 0028's index by id (SQLite told to, PostgreSQL given the staff ids as an array):
 * they must match exactly the rows the unfiltered list holds that the filter names, in every state and
 * sort, with the same count and totals, and page by cursor as by offset.
 */

const STAFF = [['staff-1'], ['staff-2'], ['staff-1', 'staff-2'], [], ['staff-10']];
const NAMES = ['Anna Holm', 'Bent Holm', 'anna holmberg', 'Carl Berg'];
const STATES = ['unbilled', 'unbilled', 'invoiced', 'excluded', 'cancelled', 'unbilled'] as const;
const PRICE_TYPES = ['fixedPrice', 'hourly', 'priceVaries', 'free'] as const;

/** 60 rows: staff members alone, together and none; shared names; states, fees, ties on every key. */
function rows() {
  return Array.from({ length: 60 }, (_, i) =>
    appointmentRow(`r-${String((i * 7) % 60).padStart(2, '0')}`, {
      start_utc: `2026-11-0${1 + (i % 5)}T09:00:00.000Z`,
      end_utc: `2026-11-0${1 + (i % 5)}T${String(10 + (i % 3)).padStart(2, '0')}:00:00.000Z`,
      duration_minutes: 30 * (1 + (i % 3)),
      service_name: ['Massage', 'Fysioterapi'][i % 2],
      staff_member_ids: JSON.stringify(STAFF[i % STAFF.length]),
      price_type: PRICE_TYPES[i % PRICE_TYPES.length],
      price_minor: i % 7 === 0 ? null : 1000 * (1 + (i % 3)),
      state: STATES[i % STATES.length],
      no_show: i % 9 === 1 ? 1 : 0,
      cancelled_seen_at: STATES[i % STATES.length] === 'cancelled' ? '2026-11-01T08:00:00.000Z' : null,
      attendees: i % 13 === 0 ? [] : [{ id: `c${i % 8}`, name: NAMES[i % NAMES.length]!, email: `c${i % 8}@example.dk` }],
    }),
  );
}

const FILTERS: [label: string, filter: Partial<UnbilledRequestInput>, matches: (row: UnbilledRow) => boolean][] = [
  ['staff-1', { staffMemberId: 'staff-1' }, (r) => r.staffMemberIds.includes('staff-1')],
  ['staff-2', { staffMemberId: 'staff-2' }, (r) => r.staffMemberIds.includes('staff-2')],
  ['a customer', { customer: 'c3@example.dk' }, (r) => r.customers.some((c) => c.email === 'c3@example.dk')],
  ['a searched name', { search: 'Anna Holm' }, (r) => r.customers.some((c) => c.name.toLowerCase().includes('anna') && c.name.toLowerCase().includes('holm'))],
  [
    'a staff member and a customer',
    { staffMemberId: 'staff-1', customer: 'c3@example.dk' },
    (r) => r.staffMemberIds.includes('staff-1') && r.customers.some((c) => c.email === 'c3@example.dk'),
  ],
];

const STATE_CASES = ['all', 'invoiceable', 'not-invoiceable', 'unbilled'] as const;

describeEachStore('queryUnbilled by a staff member, a customer or a searched name', (getStore) => {
  beforeAll(() => resetRows(getStore().db, rows(), [serviceLink('svc-linked', { bc_item_unit_price_minor: 5000 })]));
  const fee = { noShowFee: { itemId: 'item-fee', perService: {}, rule: { kind: 'percent' as const, percent: 50 }, lateCancellationHours: 24 } };
  const query = (request: Partial<UnbilledRequestInput>) => queryUnbilled(getStore().db, { businessId: BUSINESS, ...request }, context(fee, NOW));

  it.each(FILTERS.flatMap(([label, filter, matches]) => STATE_CASES.map((state) => [label, state, filter, matches] as const)))(
    'lists by %s (%s) exactly the unfiltered rows it names, with their count and totals',
    async (_label, state, filter, matches) => {
      const filtered = await query({ ...filter, state, limit: 500 });
      const expected = (await query({ state, limit: 500 })).rows.filter(matches);
      expect(filtered.rows).toEqual(expected);
      expect(filtered.total).toBe(expected.length);
      const invoiceable = new Set((await query({ ...filter, state: 'invoiceable', limit: 500 })).rows.map((r) => r.id));
      const billable = expected.filter((r) => invoiceable.has(r.id));
      expect(filtered.totals.count).toBe(billable.length);
      const sum = billable.reduce((total, r) => total + (r.fee?.amount?.minor ?? r.amount?.minor ?? 0), 0);
      expect(filtered.totals.amounts.reduce((total, a) => total + a.minor, 0)).toBe(sum);
    },
  );

  it('has rows of every kind under each filter, so the cases above mean something', async () => {
    for (const [, filter] of FILTERS) {
      const { rows: all } = await query({ ...filter, state: 'all', limit: 500 });
      expect(all.length).toBeGreaterThanOrEqual(2);
      expect(all.length).toBeLessThan(60);
    }
    expect((await query({ staffMemberId: 'staff-1', state: 'invoiceable' })).totals.count).toBeGreaterThan(4);
    expect((await query({ staffMemberId: 'staff-1', state: 'all', limit: 500 })).rows.some((r) => r.fee !== null)).toBe(true);
    // A whole element only: staff-10 is not staff-1.
    expect((await query({ staffMemberId: 'staff-1', state: 'all', limit: 500 })).rows.every((r) => r.staffMemberIds.includes('staff-1'))).toBe(true);
  });

  const pagingCases = SORT_KEYS.flatMap((sort) =>
    (['asc', 'desc'] as const).flatMap((direction) => (['all', 'invoiceable'] as const).map((state) => [sort, direction, state] as const)),
  );

  it.each(pagingCases)('pages a staff member by %s %s (%s) by cursor as by offset', async (sort, direction, state) => {
    const filter = { staffMemberId: 'staff-1', sort, direction, state };
    const whole = await query({ ...filter, limit: 500 });
    const paged: string[] = [];
    let after: string | undefined;
    for (let offset = 0; offset < whole.total; offset += 4) {
      const page = await query({ ...filter, limit: 4, offset, ...(after === undefined ? {} : { after }) });
      expect(page).toEqual(await query({ ...filter, limit: 4, offset }));
      paged.push(...page.rows.map((r) => r.id));
      after = page.after;
    }
    expect(paged).toEqual(whole.rows.map((r) => r.id));
  });
});
