import { isYearInRange, periodLimitProblem } from './period-limits';

test('years 2000 to 2100 are in range; the ends of the calendar are not', () => {
  expect(['2000-01-01', '2100-12-31', '2026-11-01T08:00:00+01:00'].map(isYearInRange)).toEqual([true, true, true]);
  expect(['1999-12-31', '2101-01-01', '0001-01-01', '9999-12-31T23:00:00-12:00'].map(isYearInRange)).toEqual([false, false, false, false]);
});

test('a period of up to 10 years passes; a day more is too long; a missing end is not checked for length', () => {
  expect(periodLimitProblem('2016-03-01', '2026-02-28')).toBeUndefined();
  expect(periodLimitProblem('2016-03-01', '2026-03-01')).toBe('too-long');
  expect(periodLimitProblem('2016-03-01T00:00:00Z', '2026-03-01T00:00:00Z')).toBe('too-long');
  expect(periodLimitProblem('2000-01-01', undefined)).toBeUndefined();
  expect(periodLimitProblem(undefined, '2100-12-31')).toBeUndefined();
  expect(periodLimitProblem('0001-01-01', '9999-12-31')).toBe('out-of-range');
});
