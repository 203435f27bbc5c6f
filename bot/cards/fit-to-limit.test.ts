import { CardTooLargeError, fitToLimit } from './fit-to-limit';
import type { AdaptiveCardJson } from './render-card';

function cardWithRows(rows: number): AdaptiveCardJson {
  return { type: 'AdaptiveCard', version: '1.5', body: Array.from({ length: rows }, () => ({ type: 'TextBlock', text: 'x'.repeat(90) })) };
}

test('keeps every row when they fit', () => {
  const fitted = fitToLimit(cardWithRows, 10, 10_000);
  expect(fitted.rowsShown).toBe(10);
});

test('shows the most rows that fit under the limit', () => {
  const fitted = fitToLimit(cardWithRows, 500, 5_000);
  expect(fitted.bytes).toBeLessThanOrEqual(5_000);
  expect(JSON.stringify(cardWithRows(fitted.rowsShown + 1)).length).toBeGreaterThan(5_000);
});

test('a card too large with no rows at all is an error', () => {
  expect(() => fitToLimit(cardWithRows, 5, 20)).toThrow(CardTooLargeError);
});
