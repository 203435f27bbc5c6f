import fc from 'fast-check';
import { fromMinor, minorDigits, toMinor, totalsByCurrency } from './money';

describe('money', () => {
  it('knows the minor digits of a currency', () => {
    expect(minorDigits('DKK')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
  });

  it('converts decimals to minor units without binary noise', () => {
    expect(toMinor(495, 'DKK')).toBe(49500);
    expect(toMinor(1.005, 'DKK')).toBe(101);
    expect(toMinor(0.1 + 0.2, 'DKK')).toBe(30);
    expect(toMinor(-12.345, 'EUR')).toBe(-1235);
    expect(toMinor(650.4, 'JPY')).toBe(650);
    expect(() => toMinor(Number.NaN, 'DKK')).toThrow(RangeError);
  });

  it('round-trips every cent amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (minor) => {
        expect(toMinor(fromMinor(minor, 'DKK'), 'DKK')).toBe(minor);
      }),
    );
  });

  it('sums per currency exactly', () => {
    expect(
      totalsByCurrency([
        { minor: 10, currency: 'DKK' },
        { minor: 5, currency: 'EUR' },
        { minor: 20, currency: 'DKK' },
      ]),
    ).toEqual([
      { minor: 30, currency: 'DKK' },
      { minor: 5, currency: 'EUR' },
    ]);
  });
});
