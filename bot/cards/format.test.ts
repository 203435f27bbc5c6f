import { formatMoney, formatTotals, sumByCurrency } from './format';

test('money from minor units in the card locale', () => {
  expect(formatMoney({ minor: 123_456, currency: 'DKK' }, 'da-DK')).toBe('1.234,56\u00a0kr.');
  expect(formatMoney({ minor: 123_456, currency: 'DKK' }, 'en-US')).toBe('DKK\u00a01,234.56');
  expect(formatMoney({ minor: -5, currency: 'EUR' }, 'en-US')).toBe('-€0.05');
  expect(formatMoney({ minor: 1234, currency: 'JPY' }, 'en-US')).toBe('¥1,234');
});

test('large amounts stay exact', () => {
  expect(formatMoney({ minor: 900_719_925_474_099, currency: 'DKK' }, 'en-US')).toBe('DKK\u00a09,007,199,254,740.99');
});

test('totals are summed per currency in integers', () => {
  const sums = sumByCurrency([
    { minor: 10, currency: 'DKK' },
    { minor: 20, currency: 'DKK' },
    { minor: 5, currency: 'EUR' },
  ]);
  expect(sums).toEqual([
    { minor: 30, currency: 'DKK' },
    { minor: 5, currency: 'EUR' },
  ]);
  expect(formatTotals(sums, 'en-US')).toBe('DKK\u00a00.30 + €0.05');
  expect(formatTotals([], 'da-DK')).toBe('0');
});
