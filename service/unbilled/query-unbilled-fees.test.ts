import { describeEachStore } from '../store/testing/test-stores';
import { defaultSetup, noShowFeeSchema, type NoShowFee } from '../setup/setup-schema';
import { resolveSelectionIds } from '../invoicing/run/resolve-ids';
import { queryUnbilled } from './query-unbilled';
import { resolveSelection } from './resolve-selection';
import { appointmentRow, BUSINESS, context, resetRows, serviceLink } from './testing/unbilled-fixtures';
import type { UnbilledRequestInput } from './unbilled-schemas';

const FEE_ITEM = '11111111-1111-1111-1111-111111111111';
const START = '2026-11-10T09:00:00.000Z';
const before = (hours: number) => new Date(Date.parse(START) - hours * 3_600_000).toISOString();
const twoAttendees = [
  { id: 'c-a', name: 'Anna', email: 'anna@example.dk' },
  { id: 'c-b', name: 'Bo', email: 'bo@example.dk' },
];

// Fixture appointments start at START and end an hour later, priced 495.00 unless said otherwise.
const ROWS = [
  appointmentRow('f-service', { price_minor: 49_500 }),
  appointmentRow('f-no-show', { price_minor: 49_501, no_show: 1 }),
  appointmentRow('f-no-show-group', { price_minor: 10_000, no_show: 1, attendees: twoAttendees }),
  // Marked a no-show, then cancelled in Bookings: still billed as a no-show.
  appointmentRow('f-no-show-cancelled', { price_minor: 20_000, no_show: 1, state: 'cancelled', cancelled_seen_at: before(200) }),
  appointmentRow('f-late', { price_minor: 30_000, state: 'cancelled', cancelled_seen_at: before(2) }),
  appointmentRow('f-early', { price_minor: 30_000, state: 'cancelled', cancelled_seen_at: before(25) }),
  appointmentRow('f-no-show-invoiced', { price_minor: 30_000, no_show: 1, state: 'invoiced' }),
];

const fees = (patch: Partial<NoShowFee> = {}): NoShowFee => noShowFeeSchema.parse({ itemId: FEE_ITEM, lateCancellationHours: 24, ...patch });

describeEachStore('queryUnbilled with no-show and late-cancellation fees', (getStore) => {
  beforeAll(() => resetRows(getStore().db, ROWS, [serviceLink('svc-linked')]));
  const query = (noShowFee: NoShowFee, request: Partial<UnbilledRequestInput> = {}) =>
    queryUnbilled(getStore().db, { businessId: BUSINESS, state: 'all', limit: 500, ...request }, context({ noShowFee }));

  it('lists fee rows with the fee, bills the fee in amounts and totals (half of each price, rounded half away from zero)', async () => {
    const result = await query(fees({ rule: { kind: 'percent', percent: 50 } }));
    const byId = new Map(result.rows.map((r) => [r.id, r]));
    expect(byId.get('f-service')).toMatchObject({ fee: null, reason: null, amount: { minor: 49_500 } });
    expect(byId.get('f-no-show')).toMatchObject({
      fee: { kind: 'no-show', amount: { minor: 24_751, currency: 'DKK' } },
      reason: null,
      amount: { minor: 24_751 },
    });
    expect(byId.get('f-no-show-group')).toMatchObject({ fee: { kind: 'no-show', amount: { minor: 5_000 } }, amount: { minor: 10_000 } });
    expect(byId.get('f-no-show-cancelled')).toMatchObject({ fee: { kind: 'no-show' }, reason: null, amount: { minor: 10_000 } });
    expect(byId.get('f-late')).toMatchObject({ fee: { kind: 'late-cancellation', amount: { minor: 15_000 } }, reason: null });
    expect(byId.get('f-early')).toMatchObject({ fee: null, reason: 'cancelled' });
    expect(byId.get('f-no-show-invoiced')).toMatchObject({ fee: { kind: 'no-show' }, reason: 'invoiced' });
    expect(result.totals).toEqual({ count: 5, amounts: [{ currency: 'DKK', minor: 49_500 + 24_751 + 10_000 + 10_000 + 15_000 }] });
    // "Select all matching" and a run's filter take the same rows (a run's filter also the blocked open ones, none here).
    const invoiceable = ['f-late', 'f-no-show', 'f-no-show-cancelled', 'f-no-show-group', 'f-service'];
    expect(await resolveSelection(getStore().db, { businessId: BUSINESS, state: 'all' }, context({ noShowFee: fees() }))).toEqual(invoiceable);
    expect(
      (
        await resolveSelectionIds(
          getStore().db,
          { kind: 'filter' },
          { businessId: BUSINESS, now: context().now, setup: { ...defaultSetup(BUSINESS), noShowFee: fees() } },
        )
      ).sort(),
    ).toEqual(invoiceable);
  });

  it('lists a late cancellation and a cancelled no-show among the unbilled (the default view), not an early cancellation', async () => {
    const ids = (await query(fees(), { state: 'unbilled' })).rows.map((r) => r.id).sort();
    expect(ids).toEqual(['f-late', 'f-no-show', 'f-no-show-cancelled', 'f-no-show-group', 'f-service']);
  });

  it('bills a fixed fee per attendee; a window of 0 makes no cancellation late', async () => {
    const result = await query(fees({ rule: { kind: 'fixed', amountMinor: 25_000 }, lateCancellationHours: 0 }));
    const byId = new Map(result.rows.map((r) => [r.id, r]));
    expect(byId.get('f-no-show-group')).toMatchObject({ fee: { amount: { minor: 25_000 } }, amount: { minor: 50_000 } });
    expect(byId.get('f-late')).toMatchObject({ fee: null, reason: 'cancelled' });
    expect(result.totals).toEqual({ count: 4, amounts: [{ currency: 'DKK', minor: 49_500 + 25_000 + 50_000 + 25_000 }] });
  });

  it('holds fee rows back without a fee item: listed as not invoiceable, filtered by their reason, left out of the totals', async () => {
    const noItem = fees({ itemId: null });
    const blocked = await query(noItem, { state: 'not-invoiceable' });
    expect(blocked.rows.map((r) => [r.id, r.reason]).sort()).toEqual([
      ['f-late', 'fee-item-missing'],
      ['f-no-show', 'fee-item-missing'],
      ['f-no-show-cancelled', 'fee-item-missing'],
      ['f-no-show-group', 'fee-item-missing'],
    ]);
    // The invoiced no-show's fee could not be billed again either: the reason filter finds it among its reasons.
    expect((await query(noItem, { reason: 'fee-item-missing' })).total).toBe(5);
    expect((await query(noItem)).totals).toEqual({ count: 1, amounts: [{ currency: 'DKK', minor: 49_500 }] });
  });
});
