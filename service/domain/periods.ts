/*
 * Named invoicing periods ("yesterday", "last-week", "2026-11-01..2026-11-15") as whole local days
 * of the business's time zone: the one rule for every face. The bot adds only its words (period-words,
 * its labels); the CLI and the API take these names as they are.
 */

import { addDays, endOfMonth, formatIsoDate, type LocalDate, previousMonth, startOfIsoWeek, startOfMonth } from './local-date';
import { localDateAt } from './local-day';
import { PERIOD_LIMIT_MESSAGES, periodLimitProblem } from './period-limits';

export const PERIOD_NAMES = ['today', 'yesterday', 'this-week', 'last-week', 'this-month', 'last-month'] as const;
export type PeriodName = (typeof PERIOD_NAMES)[number];

/** Inclusive local days, `YYYY-MM-DD`: what the invoice selection's `from` and `to` take. */
export interface LocalDays {
  firstDay: string;
  lastDay: string;
}

export class PeriodError extends Error {
  /** `why` says what is wrong with a period that reads as one but reaches too far. */
  constructor(
    readonly input: string,
    why?: string,
  ) {
    super(
      why === undefined
        ? `Not a period: ${JSON.stringify(input)}. Use ${PERIOD_NAMES.join(', ')}, a date such as 2026-11-01, or a range such as 2026-11-01..2026-11-15`
        : `The period ${JSON.stringify(input)} reaches too far: ${why}`,
    );
    this.name = 'PeriodError';
  }
}

/** Any real calendar date, whatever its year: a year out of range is refused with its own words below. */
function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The first and last local day of a named period, seen on `today` (weeks start on Monday). */
export function namedPeriodDays(name: PeriodName, today: LocalDate): [LocalDate, LocalDate] {
  switch (name) {
    case 'today':
      return [today, today];
    case 'yesterday': {
      const yesterday = addDays(today, -1);
      return [yesterday, yesterday];
    }
    case 'this-week': {
      const monday = startOfIsoWeek(today);
      return [monday, addDays(monday, 6)];
    }
    case 'last-week': {
      const monday = addDays(startOfIsoWeek(today), -7);
      return [monday, addDays(monday, 6)];
    }
    case 'this-month':
      return [startOfMonth(today), endOfMonth(today)];
    case 'last-month': {
      const first = previousMonth(today);
      return [first, endOfMonth(first)];
    }
  }
}

function named(name: PeriodName, today: LocalDate): LocalDays {
  const [first, last] = namedPeriodDays(name, today);
  return { firstDay: formatIsoDate(first), lastDay: formatIsoDate(last) };
}

/** The local days a period names, as seen at `now` in `timeZone` (weeks start on Monday). */
export function resolvePeriod(input: string, now: Date, timeZone: string): LocalDays {
  const text = input.trim().toLowerCase();
  if ((PERIOD_NAMES as readonly string[]).includes(text)) return named(text as PeriodName, localDateAt(now, timeZone));
  const [first = '', last = first, extra] = text.split('..');
  if (extra !== undefined || !isRealDate(first) || !isRealDate(last) || first > last) throw new PeriodError(input);
  const problem = periodLimitProblem(first, last);
  if (problem !== undefined) throw new PeriodError(input, PERIOD_LIMIT_MESSAGES[problem].replace(/^Use/, 'use'));
  return { firstDay: first, lastDay: last };
}
