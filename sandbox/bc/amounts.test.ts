import { computeLine, convertUnitPrice, distributeVat, roundDiv, roundQuantity, sumTotals, toScaled } from './amounts';

describe('amounts', () => {
  it('rounds half away from zero', () => {
    expect(roundDiv(5n, 2n)).toBe(3n);
    expect(roundDiv(-5n, 2n)).toBe(-3n);
    expect(roundDiv(4n, 3n)).toBe(1n);
    expect(toScaled(0.125, 2)).toBe(13n);
    expect(toScaled(1.005, 2)).toBe(101n);
  });

  it('keeps quantities to 5 decimals', () => {
    expect(roundQuantity(0.833333333)).toBe(0.83333);
    expect(roundQuantity(1.234565)).toBe(1.23457);
  });

  it('adds VAT to prices excluding VAT, rounding the line to the cent', () => {
    // 0.83333 h x 600.00 = 499.998 → 500.00; VAT 25 % = 125.00
    expect(computeLine({ quantity: 0.83333, unitPrice: 600, discountPercent: 0, discountAmount: 0, taxPercent: 25, pricesIncludeTax: false })).toEqual({
      quantity: 0.83333,
      discountAmount: 0,
      amountExcludingTax: 500,
      totalTaxAmount: 125,
      amountIncludingTax: 625,
    });
  });

  it('derives the amount excluding VAT from VAT-inclusive prices', () => {
    // 3 x 33.33 = 99.99 incl. 25 % VAT → excl. 79.992 → 79.99, VAT 20.00
    expect(computeLine({ quantity: 3, unitPrice: 33.33, discountPercent: 0, discountAmount: 0, taxPercent: 25, pricesIncludeTax: true })).toEqual({
      quantity: 3,
      discountAmount: 0,
      amountExcludingTax: 79.99,
      totalTaxAmount: 20,
      amountIncludingTax: 99.99,
    });
  });

  it('applies a line discount percent before VAT', () => {
    const line = computeLine({ quantity: 2, unitPrice: 50, discountPercent: 10, discountAmount: 0, taxPercent: 25, pricesIncludeTax: false });
    expect(line).toMatchObject({ discountAmount: 10, amountExcludingTax: 90, totalTaxAmount: 22.5, amountIncludingTax: 112.5 });
  });

  it('sums totals in cents without float drift', () => {
    const lines = Array.from({ length: 10 }, () => ({ amountExcludingTax: 0.1, totalTaxAmount: 0.02, amountIncludingTax: 0.12 }));
    expect(sumTotals(lines)).toEqual({ totalAmountExcludingTax: 1, totalTaxAmount: 0.2, totalAmountIncludingTax: 1.2 });
  });

  it('converts unit prices between VAT-inclusive and exclusive', () => {
    expect(convertUnitPrice(100, 25, false, true)).toBe(125);
    expect(convertUnitPrice(125, 25, true, false)).toBe(100);
    expect(convertUnitPrice(100, 25, true, true)).toBe(100);
  });
});

describe('distributeVat', () => {
  it('rounds VAT on the running total of a VAT percent, not per line', () => {
    const lines = [
      { taxPercent: 25, netCents: 1n },
      { taxPercent: 25, netCents: 1n },
    ];
    const spread = distributeVat(lines, false);
    expect(spread.map((l) => l.tax)).toEqual([0n, 1n]); // 0.0025 -> 0.00, then 0.005 -> 0.01 on the total
    expect(spread.reduce((t, l) => t + l.incl, 0n)).toBe(3n);
  });

  it('derives the amount excluding VAT from the running VAT-inclusive total', () => {
    const spread = distributeVat(
      [
        { taxPercent: 25, netCents: 101n },
        { taxPercent: 25, netCents: 101n },
        { taxPercent: 0, netCents: 500n },
      ],
      true,
    );
    expect(spread.reduce((t, l) => t + l.excl, 0n)).toBe(162n + 500n); // 2.02 / 1.25 = 1.616 -> 1.62
    expect(spread.every((l) => l.excl + l.tax === l.incl)).toBe(true);
    expect(spread[2]).toEqual({ excl: 500n, tax: 0n, incl: 500n });
  });
});
