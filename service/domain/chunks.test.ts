import { chunk } from './chunks';

test('items go in consecutive runs of the size, in order, the last one shorter', () => {
  expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  expect(chunk([1, 2, 3, 4], 2)).toEqual([
    [1, 2],
    [3, 4],
  ]);
  expect(chunk([], 3)).toEqual([]);
});

test('a size below one is refused rather than looping for ever', () => {
  expect(() => chunk([1], 0)).toThrow(RangeError);
  expect(() => chunk([1], Number.NaN)).toThrow(RangeError);
});
