import { noShowFeeSchema, type NoShowFee } from '../setup/setup-schema';
import { feeFor, feeItemFor, feeKindOf, isLateCancellation, type FeeFacts } from './fees';
import { money } from './money';

const FEE_ITEM = '11111111-1111-1111-1111-111111111111';
const OWN_ITEM = '22222222-2222-2222-2222-222222222222';
const setup = (patch: Partial<NoShowFee> = {}): NoShowFee => noShowFeeSchema.parse({ itemId: FEE_ITEM, ...patch });
const price = (minor: number) => ({ kind: 'price' as const, amount: money(minor, 'DKK') });
const input = (minor: number, addZeroLinesForFree = false) => ({ serviceId: 'svc-1', currency: 'DKK', price: price(minor), addZeroLinesForFree });

const START = '2026-12-03T09:00:00.000Z';
const END = '2026-12-03T10:00:00.000Z';
const at = (hoursFromStart: number) => new Date(Date.parse(START) + hoursFromStart * 3_600_000).toISOString();
const facts = (patch: Partial<FeeFacts>): FeeFacts => ({ state: 'unbilled', noShow: false, startUtc: START, endUtc: END, cancelledSeenAt: null, ...patch });

describe('feeFor', () => {
  it('bills a fixed fee in the appointment currency with the fee item, whatever the price', () => {
    expect(feeFor(setup({ rule: { kind: 'fixed', amountMinor: 25_000 } }), input(49_500))).toEqual({
      kind: 'fee',
      itemId: FEE_ITEM,
      amount: money(25_000, 'DKK'),
    });
    const unknown = { ...input(0), price: { kind: 'none' as const, reason: 'price-needed' as const } };
    expect(feeFor(setup({ rule: { kind: 'fixed', amountMinor: 25_000 } }), unknown)).toMatchObject({ kind: 'fee', amount: money(25_000, 'DKK') });
  });

  it.each([
    [49_500, 50, 24_750],
    [101, 50, 51], // 50.5 rounds away from zero
    [99, 50, 50], // 49.5 rounds away from zero
    [100, 33, 33],
    [149, 33, 49], // 49.17
    [45_000, 100, 45_000],
  ])('bills %i øre at %i%% as %i øre (half away from zero)', (minor, percent, expected) => {
    expect(feeFor(setup({ rule: { kind: 'percent', percent } }), input(minor))).toMatchObject({ kind: 'fee', amount: money(expected, 'DKK') });
  });

  it('says why a fee cannot be billed: no fee item, a percent of an unknown price, a zero fee', () => {
    expect(feeFor(setup({ itemId: null }), input(49_500))).toEqual({ kind: 'none', reason: 'fee-item-missing' });
    const unknown = { ...input(0), price: { kind: 'none' as const, reason: 'price-needed' as const } };
    expect(feeFor(setup({ rule: { kind: 'percent', percent: 50 } }), unknown)).toEqual({ kind: 'none', reason: 'price-needed' });
    expect(feeFor(setup({ rule: { kind: 'percent', percent: 0 } }), input(49_500))).toEqual({ kind: 'none', reason: 'free' });
    expect(feeFor(setup({ rule: { kind: 'percent', percent: 0 } }), input(49_500, true))).toMatchObject({ kind: 'fee', amount: money(0, 'DKK') });
  });

  it("takes the service's own fee item over the one fee item", () => {
    const fee = setup({ itemId: null, perService: { 'svc-2': OWN_ITEM } });
    expect(feeItemFor(fee, 'svc-2')).toBe(OWN_ITEM);
    expect(feeItemFor(fee, 'svc-1')).toBeNull();
    expect(feeItemFor(setup({ perService: { 'svc-2': OWN_ITEM } }), 'svc-1')).toBe(FEE_ITEM);
    expect(feeItemFor(setup(), null)).toBe(FEE_ITEM);
  });
});

describe('feeKindOf', () => {
  it('bills a no-show as a no-show, cancelled in Bookings since or not', () => {
    expect(feeKindOf(facts({ noShow: true }), 0)).toBe('no-show');
    expect(feeKindOf(facts({ noShow: true, state: 'cancelled', cancelledSeenAt: at(-100) }), 24)).toBe('no-show');
  });

  it('bills a cancellation seen missing within the window before the start (or during the appointment) as late', () => {
    const cancelled = (seen: string) => facts({ state: 'cancelled', cancelledSeenAt: seen });
    expect(feeKindOf(cancelled(at(-2)), 24)).toBe('late-cancellation');
    expect(feeKindOf(cancelled(at(-24)), 24)).toBe('late-cancellation');
    expect(feeKindOf(cancelled(at(0.5)), 24)).toBe('late-cancellation');
    expect(feeKindOf(cancelled(at(-24.001)), 24)).toBeNull();
    expect(feeKindOf(cancelled(at(-72)), 24)).toBeNull();
    // Seen missing only after it ended: a clean-up, not a cancellation.
    expect(feeKindOf(cancelled(at(1.5)), 24)).toBeNull();
    // A window of 0 makes no cancellation late.
    expect(feeKindOf(cancelled(at(-1)), 0)).toBeNull();
    expect(feeKindOf(facts({}), 24)).toBeNull();
  });

  it('compares whole seconds, as the SQL does', () => {
    const window = { startUtc: START, endUtc: END };
    expect(isLateCancellation({ ...window, cancelledSeenAt: new Date(Date.parse(at(-24)) - 1).toISOString() }, 24)).toBe(false);
    expect(isLateCancellation({ ...window, cancelledSeenAt: new Date(Date.parse(at(-24)) + 999).toISOString() }, 24)).toBe(true);
  });
});
