import { describeEachStore } from '../store/testing/test-stores';
import { queryUnbilled } from './query-unbilled';
import { resolveSelection } from './resolve-selection';
import { defaultSetup } from '../setup/setup-schema';
import { appointmentRow, BUSINESS, context, resetRows, serviceLink } from './testing/unbilled-fixtures';
import type { UnbilledRequestInput } from './unbilled-schemas';

const twoAttendees = [
  { id: 'c-a', name: 'Anna', email: 'anna@example.de' },
  { id: 'c-b', name: 'Bernd', email: 'bernd@example.de' },
];

const TOTAL_ROWS = [
  appointmentRow('t-fixed', { price_minor: 49500 }),
  // 50 minutes at 780.00 an hour is exactly 650.00.
  appointmentRow('t-hourly', { price_type: 'hourly', price_minor: 78000, duration_minutes: 50 }),
  // 1 minute at 0.30 an hour is half an øre: rounded up.
  appointmentRow('t-hourly-half', { price_type: 'hourly', price_minor: 30, duration_minutes: 1 }),
  appointmentRow('t-group-eur', { price_minor: 12345, currency: 'EUR', attendees: twoAttendees }),
  appointmentRow('t-item-eur', { price_type: 'priceVaries', price_minor: null, service_id: 'svc-item', currency: 'DKK' }),
  appointmentRow('t-entered', { price_type: 'callUs', price_minor: null, entered_price_minor: 20000 }),
  appointmentRow('t-not-ended', { price_minor: 99999, end_utc: '2026-11-21T00:00:00.000Z' }),
  appointmentRow('t-free', { price_type: 'free', price_minor: null }),
  appointmentRow('t-zero', { price_minor: 0 }),
  // 1 minute at 0.29 an hour rounds to nothing: as free as a free appointment.
  appointmentRow('t-hourly-zero', { price_type: 'hourly', price_minor: 29, duration_minutes: 1 }),
];
const LINKS = [serviceLink('svc-linked'), serviceLink('svc-item', { bc_item_unit_price_minor: 10000, currency: 'EUR' })];

describeEachStore('queryUnbilled totals', (getStore) => {
  const query = (request: Partial<UnbilledRequestInput> = {}, addZeroLinesForFree = false) =>
    queryUnbilled(getStore().db, { businessId: BUSINESS, ...request }, context({ addZeroLinesForFree }));

  describe('by currency', () => {
    beforeAll(() => resetRows(getStore().db, TOTAL_ROWS, LINKS));

    it('adds exact amounts per currency: hourly rounded, each attendee billed, item prices in their currency', async () => {
      const result = await query({ limit: 500 });
      expect(result.totals).toEqual({
        count: 6,
        amounts: [
          { currency: 'DKK', minor: 49500 + 65000 + 1 + 20000 },
          { currency: 'EUR', minor: 2 * 12345 + 10000 },
        ],
      });
      expect(result.total).toBe(6);
      const byId = new Map(result.rows.map((r) => [r.id, r]));
      expect(byId.get('t-hourly')).toMatchObject({ price: { minor: 78000, currency: 'DKK' }, amount: { minor: 65000, currency: 'DKK' } });
      expect(byId.get('t-group-eur')?.amount).toEqual({ minor: 24690, currency: 'EUR' });
      expect(byId.get('t-item-eur')?.price).toEqual({ minor: 10000, currency: 'EUR' });
      expect(byId.get('t-entered')).toMatchObject({ price: { minor: 20000 }, enteredPrice: { minor: 20000, currency: 'DKK' } });
    });

    it('counts every matching row in total but only invoiceable ones in totals', async () => {
      const result = await query({ state: 'all', limit: 2 });
      expect(result.rows).toHaveLength(2);
      expect(result.total).toBe(TOTAL_ROWS.length);
      expect(result.totals.count).toBe(6);
      expect((await query({ state: 'not-invoiceable' })).totals).toEqual({ count: 0, amounts: [] });
    });

    it('leaves free and zero-priced appointments out unless zero lines are wanted', async () => {
      const off = await query({ state: 'all', limit: 500 });
      const reasonOf = (id: string) => off.rows.find((r) => r.id === id)?.reason;
      expect(['t-free', 't-zero', 't-hourly-zero'].map(reasonOf)).toEqual(['free', 'free', 'free']);
      expect(off.rows.find((r) => r.id === 't-free')).toMatchObject({ price: { minor: 0 }, amount: { minor: 0 } });

      const on = await query({ limit: 500 }, true);
      expect(on.rows.map((r) => r.id)).toEqual(expect.arrayContaining(['t-free', 't-zero', 't-hourly-zero']));
      expect(on.totals.count).toBe(9);
      expect(on.totals.amounts).toEqual(off.totals.amounts);
    });

    it('resolves a selection to the invoiceable ids matching the filter, whatever state it names', async () => {
      const ctx = context();
      const select = (filter: Partial<UnbilledRequestInput>) => resolveSelection(getStore().db, { businessId: BUSINESS, ...filter }, ctx);
      const invoiceable = ['t-entered', 't-fixed', 't-group-eur', 't-hourly', 't-hourly-half', 't-item-eur'];
      expect((await select({})).sort()).toEqual(invoiceable);
      expect((await select({ state: 'all' })).sort()).toEqual(invoiceable);
      expect(await select({ state: 'not-invoiceable' })).toEqual([]);
      expect(await select({ state: 'invoiced' })).toEqual([]);
      expect(await select({ customer: 'bernd' })).toEqual(['t-group-eur']);
      expect(await select({ search: 'customer t-zero' })).toEqual([]);
      const withZero = await resolveSelection(getStore().db, { businessId: BUSINESS }, context({ addZeroLinesForFree: true }));
      expect(withZero).toHaveLength(9);
    });
  });

  describe('by local day', () => {
    const at = (id: string, startUtc: string, priceMinor: number, currency = 'DKK') =>
      appointmentRow(id, {
        start_utc: startUtc,
        end_utc: new Date(Date.parse(startUtc) + 3_600_000).toISOString(),
        price_minor: priceMinor,
        currency,
      });

    it('puts each start on its day in Copenhagen across the end of summer time', async () => {
      // Summer time ends 2026-10-25 at 01:00 UTC: 22:30 UTC is 00:30 before the change and 23:30 after it.
      await resetRows(getStore().db, [
        at('d-24-late', '2026-10-24T21:30:00.000Z', 100),
        at('d-25-early', '2026-10-24T22:30:00.000Z', 200),
        at('d-25-late', '2026-10-25T22:30:00.000Z', 400),
        at('d-25-eur', '2026-10-25T12:00:00.000Z', 7, 'EUR'),
        at('d-26-early', '2026-10-25T23:30:00.000Z', 800),
        { ...at('d-excluded', '2026-10-25T12:00:00.000Z', 999_999), state: 'excluded' },
      ]);
      const { byDay } = await query({ state: 'all' });
      expect(byDay).toEqual([
        { day: '2026-10-24', count: 1, amounts: [{ currency: 'DKK', minor: 100 }] },
        {
          day: '2026-10-25',
          count: 3,
          amounts: [
            { currency: 'DKK', minor: 600 },
            { currency: 'EUR', minor: 7 },
          ],
        },
        { day: '2026-10-26', count: 1, amounts: [{ currency: 'DKK', minor: 800 }] },
      ]);
    });

    it('splits a UTC hour that straddles midnight in a half-hour time zone', async () => {
      // India is UTC+05:30: 18:15 UTC is 23:45 and 18:45 UTC is 00:15 the next day.
      await resetRows(getStore().db, [at('k-1', '2026-11-01T18:15:00.000Z', 100), at('k-2', '2026-11-01T18:45:00.000Z', 200)]);
      const kolkata = { dailySummary: { ...defaultSetup(BUSINESS).dailySummary, timeZone: 'Asia/Kolkata' } };
      const { byDay } = await queryUnbilled(getStore().db, { businessId: BUSINESS }, context(kolkata));
      expect(byDay.map((d) => [d.day, d.amounts[0]?.minor])).toEqual([
        ['2026-11-01', 100],
        ['2026-11-02', 200],
      ]);
    });
  });
});
