import { addDays, type LocalDate, localDate } from './local-date';

/**
 * Conversions between UTC instants and a business's local calendar using only Intl, so that
 * daylight-saving rules come from the runtime's time zone database rather than a library.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const n = (key: string) => parts[key] ?? 0;
  return { year: n('year'), month: n('month'), day: n('day'), hour: n('hour'), minute: n('minute'), second: n('second') };
}

/** Milliseconds the zone is ahead of UTC at that instant (Copenhagen: +1 h in winter, +2 h in summer). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (instantMs - (((instantMs % 1000) + 1000) % 1000));
}

/** The business's calendar date at an instant. */
export function localDateAt(instant: Date, timeZone: string): LocalDate {
  const w = wallClock(instant.getTime(), timeZone);
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
