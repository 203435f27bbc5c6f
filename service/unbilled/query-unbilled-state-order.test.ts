import { describeEachStore } from '../store/testing/test-stores';
import { queryUnbilled } from './query-unbilled';
import { appointmentRow, BUSINESS, context, NOW, resetRows, serviceLink } from './testing/unbilled-fixtures';
import type { StateFilter, UnbilledRow } from './unbilled-schemas';

/*
 * The state sort under each state filter: where the filter fixes the state or the reason, the query
 * orders by fewer keys (unbilled-order.ts), which must come out as the whole key (state, reason, start, id)
 * would, fee rows (a no-show, a late cancellation) among the others, a page at a time too.
 */
const FEE_SETUP = { noShowFee: { itemId: 'fee-item', perService: {}, rule: { kind: 'fixed' as const, amountMinor: 10000 }, lateCancellationHours: 24 } };

function rows() {
  const base = (i: number) => ({
    start_utc: `2026-11-${String(1 + (i % 9)).padStart(2, '0')}T09:00:00.000Z`,
    end_utc: `2026-11-${String(1 + (i % 9)).padStart(2, '0')}T10:00:00.000Z`,
  });
  return Array.from({ length: 30 }, (_, i) => {
    const id = `s-${String((i * 11) % 30).padStart(2, '0')}`;
    switch (i % 6) {
      case 0:
        return appointmentRow(id, { ...base(i), no_show: 1 });
      case 1:
        return appointmentRow(id, {
          ...base(i),
          state: 'cancelled',
          cancelled_seen_at: '2026-11-01T08:00:00.000Z',
          start_utc: '2026-11-01T09:00:00.000Z',
          end_utc: '2026-11-01T10:00:00.000Z',
        });
      case 2:
        return appointmentRow(id, { ...base(i), review_reason: 'changed' });
      case 3:
        return appointmentRow(id, { start_utc: '2026-11-21T09:00:00.000Z', end_utc: '2026-11-21T10:00:00.000Z' });
      case 4:
        return appointmentRow(id, { ...base(i), state: i % 4 === 0 ? 'invoiced' : 'unbilled', service_id: i % 4 === 0 ? 'svc-linked' : 'svc-unlinked' });
      default:
        return appointmentRow(id, base(i));
    }
  });
}

const key = (r: UnbilledRow) => `${r.state}\u0000${r.reason ?? ''}`;

describeEachStore('queryUnbilled sorted by state under each state filter', (getStore) => {
  beforeAll(() => resetRows(getStore().db, rows(), [serviceLink('svc-linked')]));
  const query = (request: Record<string, unknown>) => queryUnbilled(getStore().db, { businessId: BUSINESS, limit: 500, ...request }, context(FEE_SETUP, NOW));

  const cases = (['invoiceable', 'not-invoiceable', 'unbilled', 'all'] as const).flatMap((state) => (['asc', 'desc'] as const).map((d) => [state, d] as const));

  it.each(cases)('under %s, %s: by state and reason, then start and id, a page at a time too', async (state: StateFilter, direction) => {
    const { rows: sorted, total } = await query({ state, sort: 'state', direction });
    const sign = direction === 'asc' ? 1 : -1;
    const within = (a: UnbilledRow, b: UnbilledRow) => (a.start !== b.start ? (a.start < b.start ? -1 : 1) : a.id < b.id ? -1 : 1);
    const expected = [...sorted].sort((a, b) => (key(a) === key(b) ? within(a, b) : sign * (key(a) < key(b) ? -1 : 1)));
    expect(sorted.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    const paged: string[] = [];
    for (let offset = 0; offset < total; offset += 4) paged.push(...(await query({ state, sort: 'state', direction, offset, limit: 4 })).rows.map((r) => r.id));
    expect(paged).toEqual(sorted.map((r) => r.id));
  });

  it('has fee rows, several states and reasons, so the cases above mean something', async () => {
    const { rows: all } = await query({ state: 'all' });
    const invoiceable = await query({ state: 'invoiceable' });
    expect(new Set(invoiceable.rows.map((r) => r.fee?.kind ?? 'service'))).toEqual(new Set(['no-show', 'late-cancellation', 'service']));
    expect(new Set(all.map((r) => r.state)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(all.map((r) => r.reason)).size).toBeGreaterThanOrEqual(4);
  });
});
