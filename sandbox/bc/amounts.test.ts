import { computeLine, convertUnitPrice, roundDiv, roundQuantity, sumTotals, toScaled } from './amounts';

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
