/*
 * How far a period may reach. Bookings and Business Central hold nothing before 2000, and a date
 * such as 0001-01-01 or 9999-12-31 cannot be placed in a time zone (Intl refuses years past
 * 9999 once a zone's offset moves them): every face refuses such a period in words instead.
 */

export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;
export const MAX_PERIOD_YEARS = 10;

export type PeriodLimitProblem = 'out-of-range' | 'too-long';

const yearOf = (dateOrDateTime: string) => Number(dateOrDateTime.slice(0, 4));

/** A date (YYYY-MM-DD) or date-time whose year lies in the years a period may reach. */
export function isYearInRange(dateOrDateTime: string): boolean {
  const year = yearOf(dateOrDateTime);
  return Number.isInteger(year) && year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

/** The last day a period starting at `first` (a date) may end on: MAX_PERIOD_YEARS later, less a day. */
function latestEnd(first: string): string {
  const end = new Date(`${first.slice(0, 10)}T00:00:00Z`);
  end.setUTCFullYear(end.getUTCFullYear() + MAX_PERIOD_YEARS);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/**
 * Why a period (its first and last day, or the from and to of a filter: dates or date-times)
 * reaches too far, or undefined when it does not. Either end may be missing.
 */
export function periodLimitProblem(first: string | undefined, last: string | undefined): PeriodLimitProblem | undefined {
  if ((first !== undefined && !isYearInRange(first)) || (last !== undefined && !isYearInRange(last))) return 'out-of-range';
  if (first !== undefined && last !== undefined && last.slice(0, 10) > latestEnd(first)) return 'too-long';
  return undefined;
}

export const PERIOD_LIMIT_MESSAGES: Record<PeriodLimitProblem, string> = {
  'out-of-range': `Use dates from ${EARLIEST_YEAR} to ${LATEST_YEAR}`,
  'too-long': `Use a period of at most ${MAX_PERIOD_YEARS} years`,
};
