import fc from 'fast-check';
import { APPOINTMENT_STATES, PRICE_TYPES, type AppointmentState } from '../domain/appointment';
import { describeEachStore } from '../store/testing/test-stores';
import type { NoShowFee } from '../setup/setup-schema';
import { billedCustomers, feeAmountFor, feeKindFor, linePriceFor, noteFor, reasonsFor, type AppointmentFacts } from './eligibility';
import { queryUnbilled } from './query-unbilled';
import { resolveSelection } from './resolve-selection';
import { appointmentRow, BUSINESS, context, NOW, resetRows, serviceLink } from './testing/unbilled-fixtures';

/** Mostly `usual`, sometimes anything: enough rows pass every check for the totals to be compared. */
const mostly = <T>(usual: T, any: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: any });
const nearNow = fc.constantFrom(-3_600_000, -1, 0, 1, 3_600_000).map((delta) => new Date(NOW.getTime() + delta).toISOString());
const smallMinor = fc.option(fc.oneof(fc.constantFrom(-100, -1, 0, 1, 49500), fc.integer({ min: -10, max: 1_000_000 })), {
  nil: null,
});

type Link = 'none' | { itemId: string | null; unitMinor: number | null; currency: string | null };
const linkArb: fc.Arbitrary<Link> = fc.oneof(
  fc.constant('none' as const),
  fc.record({
    itemId: fc.option(fc.constant('item-1'), { nil: null }),
    unitMinor: smallMinor,
    currency: fc.option(fc.constantFrom('DKK', 'EUR'), { nil: null }),
  }),
);

const START = '2026-11-01T00:00:00.000Z';
const HOUR = 3_600_000;
/** First seen missing around the edges of a 24-hour window before START, during it, or after the end. */
const seenArb = fc
  .constantFrom(-48 * HOUR, -24 * HOUR - 1000, -24 * HOUR - 1, -24 * HOUR, -24 * HOUR + 500, -HOUR, 0, 19 * 24 * HOUR + 12 * HOUR + 1)
  .map((delta) => new Date(Date.parse(START) + delta).toISOString());

const feeArb: fc.Arbitrary<NoShowFee> = fc.record({
  itemId: fc.option(fc.constant('fee-item'), { nil: null }),
  perService: fc.constantFrom<Record<string, string>>({}, { 'svc-0': 'fee-item-0', 'svc-1': 'fee-item-1' }),
  rule: fc.oneof(
    fc.record({ kind: fc.constant('fixed' as const), amountMinor: fc.constantFrom(0, 1, 15000) }),
    fc.record({ kind: fc.constant('percent' as const), percent: fc.constantFrom(0, 33, 50, 100) }),
  ),
  lateCancellationHours: fc.constantFrom(0, 24),
});

const rowArb = fc.record({
  state: mostly<AppointmentState>('unbilled', fc.constantFrom(...APPOINTMENT_STATES)),
  noShow: mostly(false, fc.boolean()),
  cancelledSeenAt: mostly<string | null>(null, seenArb),
  endUtc: mostly(NOW.toISOString(), nearNow),
  reviewReason: mostly<string | null>(null, fc.constant('Changed in Bookings after invoicing: time')),
  customerCount: fc.integer({ min: 0, max: 3 }),
  linkedCustomer: fc.boolean(),
  withoutEmail: mostly(0, fc.integer({ min: 0, max: 3 })),
  blocked: mostly(0, fc.integer({ min: 0, max: 3 })),
  priceType: fc.constantFrom(...PRICE_TYPES, 'somethingNew'),
  priceMinor: smallMinor,
  currency: fc.constantFrom('DKK', 'EUR'),
  durationMinutes: fc.constantFrom(-5, 0, 1, 10, 45, 50, 90),
  enteredPriceMinor: smallMinor,
  lastAttemptFailed: fc.boolean(),
  link: mostly<Link>({ itemId: 'item-1', unitMinor: null, currency: null }, linkArb),
});
type GeneratedRow = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

function factsOf(row: GeneratedRow, index: number): AppointmentFacts {
  const link = row.link === 'none' ? null : row.link;
  return {
    state: row.state,
    startUtc: START,
    endUtc: row.endUtc,
    noShow: row.noShow,
    cancelledSeenAt: row.cancelledSeenAt,
    serviceId: `svc-${index}`,
    reviewReason: row.reviewReason,
    customerCount: row.customerCount,
    linkedCustomer: row.linkedCustomer,
    customersWithoutEmail: Math.min(row.withoutEmail, row.customerCount),
    customersBlocked: Math.min(row.blocked, row.customerCount),
    priceType: row.priceType,
    priceMinor: row.priceMinor,
    currency: row.currency,
    durationMinutes: row.durationMinutes,
    enteredPriceMinor: row.enteredPriceMinor,
    bcItemId: link?.itemId ?? null,
    bcItemUnitPriceMinor: link?.unitMinor ?? null,
    bcItemCurrency: link?.currency ?? null,
  };
}

describeEachStore('eligibility (and the row note) in SQL and in JS', (getStore) => {
  let invoiceableSeen = 0;
  let feesSeen = 0;

  it.each([false, true])('agree on reasons, prices and selection (addZeroLinesForFree %s)', async (addZeroLinesForFree) => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 25 }), feeArb, async (generated, noShowFee) => {
        const facts = generated.map((row, i) => factsOf(row, i));
        // One service per row, so each row can have its own link (or none).
        await resetRows(
          getStore().db,
          generated.map((row, i) => {
            const f = facts[i]!;
            return appointmentRow(`a${String(i).padStart(3, '0')}`, {
              service_id: `svc-${i}`,
              state: row.state,
              end_utc: f.endUtc,
              start_utc: START,
              no_show: f.noShow ? 1 : 0,
              cancelled_seen_at: f.cancelledSeenAt,
              review_reason: f.reviewReason,
              customer_count: f.customerCount,
              linked_bc_customer_id: f.linkedCustomer ? 'bc-customer-1' : null,
              customers_without_email: f.customersWithoutEmail,
              customers_blocked: f.customersBlocked,
              price_type: f.priceType,
              price_minor: f.priceMinor,
              currency: f.currency,
              duration_minutes: f.durationMinutes,
              entered_price_minor: f.enteredPriceMinor,
              last_attempt_failed: row.lastAttemptFailed ? 1 : 0,
            });
          }),
          generated.flatMap((row, i) =>
            row.link === 'none'
              ? []
              : [serviceLink(`svc-${i}`, { bc_item_id: row.link.itemId, bc_item_unit_price_minor: row.link.unitMinor, currency: row.link.currency })],
          ),
        );
        const ctx = context({ addZeroLinesForFree, noShowFee });
        const options = { now: NOW, addZeroLinesForFree, noShowFee };
        const { rows, totals } = await queryUnbilled(getStore().db, { businessId: BUSINESS, state: 'all', limit: 500 }, ctx);
        expect(rows).toHaveLength(facts.length);

        const expectedIds: string[] = [];
        const expectedTotals = new Map<string, number>();
        for (const row of rows) {
          const f = facts[Number(row.id.slice(1))]!;
          // The note never blocks: the reasons and the selection below are compared without it.
          expect(row.note).toBe(noteFor(generated[Number(row.id.slice(1))]!));
          const reasons = reasonsFor(f, options);
          const line = linePriceFor(f);
          const feeKind = feeKindFor(f, options);
          const fee = feeAmountFor(f, options);
          // A fee appointment bills its fee: the amount and the totals follow it.
          const each = feeKind === null ? (line?.amount ?? null) : fee;
          expect({ id: row.id, reasons: row.reasons, reason: row.reason }).toEqual({ id: row.id, reasons, reason: reasons[0] ?? null });
          expect(row.price).toEqual(line?.unitPrice ?? null);
          expect(row.fee).toEqual(feeKind === null ? null : { kind: feeKind, amount: fee });
          expect(row.amount).toEqual(each === null ? null : { ...each, minor: each.minor * billedCustomers(f) });
          if (reasons.length === 0 && each !== null) {
            expectedIds.push(row.id);
            if (feeKind !== null) feesSeen++;
            expectedTotals.set(each.currency, (expectedTotals.get(each.currency) ?? 0) + each.minor * billedCustomers(f));
          }
        }
        expect(await resolveSelection(getStore().db, { businessId: BUSINESS, state: 'all' }, ctx)).toEqual(expectedIds.sort());
        expect(totals.count).toBe(expectedIds.length);
        invoiceableSeen += expectedIds.length;
        expect(Object.fromEntries(totals.amounts.map((m) => [m.currency, m.minor]))).toEqual(Object.fromEntries(expectedTotals));
      }),
      { numRuns: 25 },
    );
  });

  it('generated enough invoiceable rows for the totals and the selection to be tested', () => {
    expect(invoiceableSeen).toBeGreaterThan(20);
    expect(feesSeen).toBeGreaterThan(2);
  });
});
