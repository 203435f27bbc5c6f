import { describeEachStore } from '../store/testing/test-stores';
import { decodeCursor, encodeCursor, ListCursorError } from './list-cursor';
import { queryUnbilled } from './query-unbilled';
import { appointmentRow, BUSINESS, context, NOW, resetRows, serviceLink } from './testing/unbilled-fixtures';
import { SORT_KEYS, type UnbilledRequestInput } from './unbilled-schemas';

const NAMES = ['anna', 'Bent', 'carl', 'Dorte', 'Anna'];
const STATES = ['unbilled', 'unbilled', 'invoiced', 'excluded', 'cancelled'] as const;
const PRICE_TYPES = ['fixedPrice', 'hourly', 'priceVaries', 'free'] as const;
const before = (hours: number) => new Date(Date.parse('2026-11-03T09:00:00.000Z') - hours * 3_600_000).toISOString();

/** 45 rows with many equal keys (the id decides ties), some without a price, some fees, in several states. */
function rows() {
  return Array.from({ length: 45 }, (_, i) =>
    appointmentRow(`k-${String((i * 7) % 45).padStart(2, '0')}`, {
      start_utc: `2026-11-0${1 + (i % 4)}T09:00:00.000Z`,
      end_utc: `2026-11-0${1 + (i % 4)}T${String(10 + (i % 3)).padStart(2, '0')}:00:00.000Z`,
      duration_minutes: 30 * (1 + (i % 3)),
      service_name: ['Massage', 'fysioterapi'][i % 2],
      price_type: PRICE_TYPES[i % PRICE_TYPES.length],
      price_minor: i % 6 === 0 ? null : 1000 * (i % 3),
      state: STATES[i % STATES.length],
      no_show: i % 8 === 1 ? 1 : 0,
      cancelled_seen_at: STATES[i % STATES.length] === 'cancelled' ? before(i % 2 === 0 ? 2 : 200) : null,
      attendees: i % 11 === 0 ? [] : [{ id: `c${i}`, name: `${NAMES[i % NAMES.length]} ${i % 2}`, email: `c${i}@example.dk` }],
    }),
  );
}

describeEachStore('queryUnbilled paged by the after cursor', (getStore) => {
  beforeAll(() => resetRows(getStore().db, rows(), [serviceLink('svc-linked', { bc_item_unit_price_minor: 5000 })]));
  const fee = { noShowFee: { itemId: 'item-fee', perService: {}, rule: { kind: 'percent' as const, percent: 50 }, lateCancellationHours: 24 } };
  const query = (request: Partial<UnbilledRequestInput>) => queryUnbilled(getStore().db, { businessId: BUSINESS, ...request }, context(fee, NOW));

  const cases = (['all', 'unbilled', 'invoiceable', 'not-invoiceable'] as const).flatMap((state) =>
    SORT_KEYS.flatMap((sort) => (['asc', 'desc'] as const).map((direction) => [sort, direction, state] as const)),
  );

  it.each(cases)('gives by %s %s (%s) the pages an offset gives', async (sort, direction, state) => {
    const whole = await query({ sort, direction, state, limit: 500 });
    const paged: string[] = [];
    let after: string | undefined;
    for (let offset = 0; offset < whole.total; offset += 4) {
      const page = await query({ sort, direction, state, limit: 4, offset, ...(after === undefined ? {} : { after }) });
      const byOffset = await query({ sort, direction, state, limit: 4, offset });
      expect(page).toEqual(byOffset);
      expect(page.offset).toBe(offset);
      paged.push(...page.rows.map((r) => r.id));
      after = page.after;
      // Absent once the page is not full: nothing follows.
      expect(after === undefined).toBe(page.rows.length < 4);
    }
    expect(paged).toEqual(whole.rows.map((r) => r.id));
    if (after !== undefined) expect((await query({ sort, direction, state, limit: 4, after })).rows).toEqual([]);
  });

  it('has ties, rows without a price and fees, so the cases above mean something', async () => {
    const { rows: all } = await query({ state: 'all', limit: 500 });
    expect(all).toHaveLength(45);
    expect(all.some((r) => r.price === null)).toBe(true);
    expect(all.some((r) => r.fee !== null)).toBe(true);
    expect((await query({ state: 'invoiceable' })).total).toBeGreaterThan(4);
  });

  it('refuses a cursor of another sort, direction or state, or no cursor at all', async () => {
    const { after } = await query({ sort: 'price', direction: 'desc', state: 'all', limit: 4 });
    expect(decodeCursor(after!)).toMatchObject({ sort: 'price', direction: 'desc', state: 'all' });
    await expect(query({ sort: 'price', direction: 'asc', state: 'all', after })).rejects.toThrow(/same sort, direction and state/);
    await expect(query({ sort: 'amount', direction: 'desc', state: 'all', after })).rejects.toThrow(/same sort, direction and state/);
    await expect(query({ sort: 'price', direction: 'desc', state: 'unbilled', after })).rejects.toThrow(/same sort, direction and state/);
    await expect(query({ after: 'not a cursor' })).rejects.toThrow(ListCursorError);
  });

  it('refuses a cursor of the right sort, direction and state with too few or too many keys, as a cursor error', async () => {
    const { after } = await query({ sort: 'price', direction: 'desc', state: 'all', limit: 4 });
    const { keys } = decodeCursor(after!)!;
    // Price orders by no-price-last, the price, the start, then the id: four keys.
    expect(keys).toHaveLength(4);
    for (const tampered of [keys.slice(1), [...keys, 'extra'], [keys[0]!]]) {
      const cursor = encodeCursor({ sort: 'price', direction: 'desc', state: 'all', keys: tampered });
      await expect(query({ sort: 'price', direction: 'desc', state: 'all', after: cursor })).rejects.toThrow(ListCursorError);
    }
    // The same keys in their number page on.
    const same = encodeCursor({ sort: 'price', direction: 'desc', state: 'all', keys });
    expect((await query({ sort: 'price', direction: 'desc', state: 'all', limit: 4, after: same })).rows).toHaveLength(4);
  });
});
