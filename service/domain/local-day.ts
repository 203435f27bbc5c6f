import { addDays, type LocalDate, localDate } from './local-date';

import { wallClockAt, zoneOffsetMs } from './zoned-time';

export { zoneOffsetMs };

/** The business's calendar date at an instant. */
export function localDateAt(instant: Date, timeZone: string): LocalDate {
  const w = wallClockAt(instant.getTime(), timeZone);
  const date = localDate(w.year, w.month, w.day);
  if (!date) throw new RangeError(`cannot read a date for ${instant.toISOString()} in ${timeZone}`);
  return date;
}

function sameDate(a: LocalDate, b: LocalDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/**
 * The first instant of a local day. The offset is read on both sides of the guess because a
 * transition may fall between the guess and the answer; where a zone skips midnight itself the
 * day starts at the end of the gap, which is the earliest candidate still on that date.
 */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const naive = Date.UTC(date.year, date.month - 1, date.day);
  const first = naive - zoneOffsetMs(naive, timeZone);
  const second = naive - zoneOffsetMs(first, timeZone);
  const candidates = [first, second]
    .filter((t) => sameDate(localDateAt(new Date(t), timeZone), date))
    .sort((a, b) => a - b);
  const start = candidates[0];
  if (start === undefined) throw new RangeError(`no start of day for ${JSON.stringify(date)} in ${timeZone}`);
  return new Date(start);
}

/** Half-open [start of first day, start of the day after the last day) as UTC instants. */
export function localDaysToInstants(firstDay: LocalDate, lastDay: LocalDate, timeZone: string): { from: Date; to: Date } {
  return { from: startOfLocalDay(firstDay, timeZone), to: startOfLocalDay(addDays(lastDay, 1), timeZone) };
}
