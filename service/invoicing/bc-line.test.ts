import fc from 'fast-check';
import { toMinor } from '../domain/money';
import { expectedBcTotals, toBcLine, type BcLine, type BcTarget } from './bc-line';
import { hourlyAmount, type PricedLine } from '../domain/pricing';

const dkk = (minor: number) => ({ minor, currency: 'DKK' });

function line(overrides: Partial<PricedLine>): PricedLine {
  return {
    appointmentId: 'appt-1',
    start: new Date('2026-11-24T08:00:00Z'),
    durationMinutes: 60,
    serviceName: 'Fysioterapi',
    priceType: 'fixedPrice',
    customer: { customerId: 'c1', name: 'Mette Holm', email: 'mette@example.dk', timeZone: null },
    quantity: 1,
    unitPrice: dkk(49500),
    amount: dkk(49500),
    priceSource: 'bookings',
    review: [],
    ...overrides,
  };
}

function hourlyLine(priceMinor: number, minutes: number): PricedLine {
  const quantity = Number((Math.round((minutes * 100_000) / 60) / 100_000).toFixed(5));
  return line({ priceType: 'hourly', durationMinutes: minutes, quantity, unitPrice: dkk(priceMinor), amount: hourlyAmount(dkk(priceMinor), minutes) });
}

/** Business Central's side, written out independently: round(qty(5 dp) × unit price, 2), half away from zero. */
function bcLineMinor(sent: BcLine): bigint {
  const product = BigInt(Math.round(sent.quantity * 100_000)) * BigInt(toMinor(sent.unitPrice, 'DKK'));
  return (product + 50_000n) / 100_000n;
}

/** Business Central adds VAT to a net amount by rounding the VAT to the cent. */
function grossOf(net: bigint, vatPercent: number): bigint {
  return net + (net * BigInt(vatPercent) + 50n) / 100n;
}

function netOf(gross: bigint, vatPercent: number): bigint {
  return (gross * 200n + BigInt(100 + vatPercent)) / BigInt(2 * (100 + vatPercent));
}

const includingBoth: BcTarget = { pricesIncludeTax: true, vatPercent: 25, bookingsPricesIncludeVat: true };
const grossToNet: BcTarget = { pricesIncludeTax: false, vatPercent: 25, bookingsPricesIncludeVat: true };
const netToGross: BcTarget = { pricesIncludeTax: true, vatPercent: 25, bookingsPricesIncludeVat: false };

describe('toBcLine', () => {
  it('sends a 50-minute hourly line at 780 as 0.83333 × 780 = 650.00', () => {
    expect(toBcLine(hourlyLine(78000, 50), includingBoth)).toEqual({ quantity: 0.83333, unitPrice: 780, lineAmount: dkk(65000), fallback: null });
  });

  it('falls back to 1 × amount where Business Central would round to another cent', () => {
    // 7 minutes at 500/h: 0.11667 × 500 = 58.335 → 58.34, but the customer owes 58.33.
    const sent = toBcLine(hourlyLine(50000, 7), includingBoth);
    expect(sent).toEqual({ quantity: 1, unitPrice: 58.33, lineAmount: dkk(5833), fallback: 'quantity-one' });
  });

  it('converts a VAT-inclusive Bookings price for a VAT-exclusive customer', () => {
    expect(toBcLine(line({}), grossToNet)).toMatchObject({ quantity: 1, unitPrice: 396, fallback: null });
    expect(toBcLine(hourlyLine(78000, 50), grossToNet)).toMatchObject({ quantity: 0.83333, unitPrice: 624, lineAmount: dkk(52000) });
  });

  it('adds VAT to a VAT-exclusive Bookings price for a VAT-inclusive customer', () => {
    expect(toBcLine(line({ unitPrice: dkk(39600), amount: dkk(39600) }), netToGross)).toMatchObject({ quantity: 1, unitPrice: 495 });
  });

  it('reproduces the amount in Business Central for any price, duration, VAT rate and price basis', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 5, max: 600 }),
        fc.constantFrom(0, 25),
        fc.boolean(),
        fc.boolean(),
        (price, minutes, vatPercent, bookingsPricesIncludeVat, pricesIncludeTax) => {
          const priced = hourlyLine(price, minutes);
          const owed = BigInt(priced.amount.minor);
          const sent = toBcLine(priced, { pricesIncludeTax, vatPercent, bookingsPricesIncludeVat });
          const bcLine = bcLineMinor(sent);
          expect(bcLine).toBe(BigInt(sent.lineAmount.minor));
          if (bookingsPricesIncludeVat === pricesIncludeTax) {
            expect(bcLine).toBe(owed);
          } else if (!bookingsPricesIncludeVat) {
            expect(netOf(bcLine, vatPercent)).toBe(owed);
          } else {
            // Not every gross amount has a net amount (25%: none ends in 2 or 7 øre); then one øre off at most.
            const reachable = [-1n, 0n, 1n].some((d) => grossOf(netOf(owed, vatPercent) + d, vatPercent) === owed);
            const gross = grossOf(bcLine, vatPercent);
            if (reachable) expect(gross).toBe(owed);
            else expect(gross - owed === 1n || owed - gross === 1n).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses a VAT percent it cannot compute with', () => {
    expect(() => toBcLine(line({}), { ...includingBoth, vatPercent: -1 })).toThrow(RangeError);
    expect(() => toBcLine(line({}), { ...includingBoth, vatPercent: Number.NaN })).toThrow(RangeError);
  });
});

describe('expectedBcTotals', () => {
  it('splits a VAT-inclusive invoice into net and VAT', () => {
    expect(expectedBcTotals([hourlyLine(78000, 50)], includingBoth)).toEqual({
      excludingTax: dkk(52000),
      tax: dkk(13000),
      includingTax: dkk(65000),
      difference: dkk(0),
    });
  });

  it('computes VAT once on the invoice total, as Business Central does', () => {
    // Each 10.01 gross is 8.01 net; 16.02 net carries 4.005 → 4.01 VAT: 20.03, one øre more than owed.
    const lines = [line({ unitPrice: dkk(1001), amount: dkk(1001) }), line({ appointmentId: 'appt-2', unitPrice: dkk(1001), amount: dkk(1001) })];
    expect(expectedBcTotals(lines, grossToNet)).toEqual({ excludingTax: dkk(1602), tax: dkk(401), includingTax: dkk(2003), difference: dkk(1) });
  });

  it('reports the øre a gross amount without a net amount costs', () => {
    // 10.02 gross: 8.02 net gives 10.03, 8.01 gives 10.01.
    expect(expectedBcTotals([line({ unitPrice: dkk(1002), amount: dkk(1002) })], grossToNet).difference).toEqual(dkk(1));
  });

  it('matches the owed total exactly when both sides use the same price basis', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 5, max: 600 })), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(0, 25),
        fc.boolean(),
        (specs, vatPercent, includeVat) => {
          const lines = specs.map(([price, minutes]) => hourlyLine(price, minutes));
          const totals = expectedBcTotals(lines, { pricesIncludeTax: includeVat, vatPercent, bookingsPricesIncludeVat: includeVat });
          const owed = lines.reduce((sum, l) => sum + l.amount.minor, 0);
          expect(totals.difference.minor).toBe(0);
          expect(includeVat ? totals.includingTax.minor : totals.excludingTax.minor).toBe(owed);
          expect(totals.excludingTax.minor + totals.tax.minor).toBe(totals.includingTax.minor);
        },
      ),
    );
  });

  it('refuses an empty invoice and mixed currencies', () => {
    expect(() => expectedBcTotals([], includingBoth)).toThrow(RangeError);
    expect(() => expectedBcTotals([line({}), line({ amount: { minor: 100, currency: 'EUR' } })], includingBoth)).toThrow(RangeError);
  });
});
