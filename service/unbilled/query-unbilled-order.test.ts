import { describeEachStore } from '../store/testing/test-stores';
import { queryUnbilled } from './query-unbilled';
import { appointmentRow, BUSINESS, context, resetRows, serviceLink } from './testing/unbilled-fixtures';
import { SORT_KEYS, type SortKey, type UnbilledRow } from './unbilled-schemas';

const NAMES = ['anna', 'Bent', 'carl', 'Dorte', 'erik', 'Anna'];
const SERVICES = ['Massage', 'fysioterapi', 'Akupunktur'];
const STATES = ['unbilled', 'unbilled', 'invoiced', 'excluded'] as const;
const PRICE_TYPES = ['fixedPrice', 'hourly', 'priceVaries', 'free'] as const;

/** 40 rows with many equal keys (so the start and the id decide ties), some without price, in several states. */
function rows() {
  return Array.from({ length: 40 }, (_, i) =>
    appointmentRow(`o-${String((i * 7) % 40).padStart(2, '0')}`, {
      start_utc: `2026-11-${String(1 + (i % 5)).padStart(2, '0')}T09:00:00.000Z`,
      end_utc: `2026-11-${String(1 + (i % 5)).padStart(2, '0')}T${String(10 + (i % 3)).padStart(2, '0')}:00:00.000Z`,
      duration_minutes: 30 * (1 + (i % 4)),
      service_name: SERVICES[i % SERVICES.length],
      price_type: PRICE_TYPES[i % PRICE_TYPES.length],
      price_minor: i % 6 === 0 ? null : 1000 * (i % 7),
      state: STATES[i % STATES.length],
      attendees: i % 9 === 0 ? [] : [{ id: `c${i}`, name: `${NAMES[i % NAMES.length]} ${i % 2}`, email: `c${i}@example.dk` }],
    }),
  );
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

function sortValue(row: UnbilledRow, sort: SortKey): (string | number)[] {
  switch (sort) {
    case 'start':
      return [row.start];
    case 'end':
      return [row.end];
    case 'customer':
      return [(row.customers[0]?.name ?? '').toLowerCase()];
    case 'service':
      return [row.serviceName.toLowerCase()];
    case 'price':
      return [row.price?.minor ?? 0];
    case 'amount':
      return [row.amount?.minor ?? 0];
    case 'duration':
      return [row.durationMinutes];
    case 'state':
      return [row.state, row.reason ?? ''];
  }
}

/** The sorts whose equal keys go by the start before the id. */
const BY_START_WITHIN: readonly SortKey[] = ['customer', 'service', 'price', 'amount', 'duration', 'state'];

/** The documented order: the key in the direction asked, rows without price last, then the start ascending (BY_START_WITHIN), then id ascending. */
function expectedOrder(list: UnbilledRow[], sort: SortKey, direction: 'asc' | 'desc'): string[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...list]
    .sort((a, b) => {
      if ((sort === 'price' || sort === 'amount') && (a.price === null) !== (b.price === null)) return a.price === null ? 1 : -1;
      const [ka, kb] = [sortValue(a, sort), sortValue(b, sort)];
      for (let k = 0; k < ka.length; k++) {
        const c = compare(ka[k]!, kb[k]!);
        if (c !== 0) return sign * c;
      }
      const byStart = BY_START_WITHIN.includes(sort) ? compare(a.start, b.start) : 0;
      return byStart !== 0 ? byStart : compare(a.id, b.id);
    })
    .map((r) => r.id);
}

describeEachStore('queryUnbilled order and paging', (getStore) => {
  beforeAll(() => resetRows(getStore().db, rows(), [serviceLink('svc-linked', { bc_item_unit_price_minor: 5000 })]));
  const query = (request: Record<string, unknown>) => queryUnbilled(getStore().db, { businessId: BUSINESS, state: 'all', limit: 500, ...request }, context());

  const cases = SORT_KEYS.flatMap((sort) => (['asc', 'desc'] as const).map((direction) => [sort, direction] as const));

  it.each(cases)('sorts by %s %s with the start (for a shared key) and the id breaking ties', async (sort, direction) => {
    const { rows: sorted } = await query({ sort, direction });
    expect(sorted).toHaveLength(40);
    expect(sorted.map((r) => r.id)).toEqual(expectedOrder(sorted, sort, direction));
  });

  it('has ties to break and prices missing, so the cases above mean something', async () => {
    const { rows: all } = await query({});
    expect(new Set(all.map((r) => r.start)).size).toBeLessThan(10);
    expect(all.some((r) => r.price === null)).toBe(true);
    expect(new Set(all.map((r) => r.reason)).size).toBeGreaterThan(3);
  });

  it.each([
    ['service', 'asc'],
    ['price', 'desc'],
    ['customer', 'asc'],
  ] as const)('pages by %s %s without duplicates or gaps', async (sort, direction) => {
    const { rows: whole, total } = await query({ sort, direction });
    const paged: string[] = [];
    for (let offset = 0; offset < total; offset += 7) {
      const page = await query({ sort, direction, offset, limit: 7 });
      expect(page.total).toBe(40);
      expect(page.rows.length).toBe(Math.min(7, total - offset));
      paged.push(...page.rows.map((r) => r.id));
    }
    expect(paged).toEqual(whole.map((r) => r.id));
    expect(new Set(paged).size).toBe(40);
    expect((await query({ sort, direction, offset: 40, limit: 7 })).rows).toEqual([]);
  });
});
