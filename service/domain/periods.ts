/*
 * Named invoicing periods ("yesterday", "last-week", "2026-11-01..2026-11-15") as whole local days
 * of the business's time zone. The bot has its own, language-aware version; service/ must not
 * depend on bot/, and the faces only need the days here.
 */

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

/** Local date arithmetic on a UTC-midnight Date: no time zone can shift it. */
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: string, days: number) => {
  const d = day(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
};

export function localDateAt(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function isRealDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(day(text).getTime()) && iso(day(text)) === text;
}

function named(name: PeriodName, today: string): LocalDays {
  const monday = addDays(today, -((day(today).getUTCDay() + 6) % 7));
  const firstOfMonth = `${today.slice(0, 8)}01`;
  switch (name) {
    case 'today':
      return { firstDay: today, lastDay: today };
    case 'yesterday':
      return { firstDay: addDays(today, -1), lastDay: addDays(today, -1) };
    case 'this-week':
      return { firstDay: monday, lastDay: addDays(monday, 6) };
    case 'last-week':
      return { firstDay: addDays(monday, -7), lastDay: addDays(monday, -1) };
    case 'this-month': {
      const next = day(firstOfMonth);
      next.setUTCMonth(next.getUTCMonth() + 1);
      return { firstDay: firstOfMonth, lastDay: addDays(iso(next), -1) };
    }
    case 'last-month': {
      const lastDay = addDays(firstOfMonth, -1);
      return { firstDay: `${lastDay.slice(0, 8)}01`, lastDay };
    }
  }
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
