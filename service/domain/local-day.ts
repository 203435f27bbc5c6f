/*
 * The business's calendar: which local day an instant falls on, where a local day starts and ends,
 * and the wall-clock date and time of an instant. The one place every face and the service read
 * local days from (named periods build on it in `periods.ts`). Nothing but Intl: the tab may import it.
 */
import { addDays, formatIsoDate, type LocalDate, localDate, parseIsoDate } from './local-date';

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
  const candidates = [first, second].filter((t) => sameDate(localDateAt(new Date(t), timeZone), date)).sort((a, b) => a - b);
  const start = candidates[0];
  if (start === undefined) throw new RangeError(`no start of day for ${JSON.stringify(date)} in ${timeZone}`);
  return new Date(start);
}

/** Half-open [start of first day, start of the day after the last day) as UTC instants. */
export function localDaysToInstants(firstDay: LocalDate, lastDay: LocalDate, timeZone: string): { from: Date; to: Date } {
  return { from: startOfLocalDay(firstDay, timeZone), to: startOfLocalDay(addDays(lastDay, 1), timeZone) };
}

/** YYYY-MM-DD of the business's day at an instant. */
export function localIsoDate(instant: Date, timeZone: string): string {
  const t = localDateTime(instant, timeZone);
  return `${t.year}-${t.month}-${t.day}`;
}

/** A YYYY-MM-DD day moved by whole days (no time zone can shift it). */
export function addIsoDays(isoDate: string, days: number): string {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`not a date: ${JSON.stringify(isoDate)}`);
  return formatIsoDate(addDays(date, days));
}

/** The first instant of a YYYY-MM-DD local day in a time zone. */
export function startOfIsoDay(isoDate: string, timeZone: string): Date {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`not a date: ${JSON.stringify(isoDate)}`);
  return startOfLocalDay(date, timeZone);
}

/** The wall-clock date and time of an instant in a time zone, zero-padded. */
export interface LocalDateTime {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const w = wallClockAt(instant.getTime(), timeZone);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return { year: pad(w.year, 4), month: pad(w.month), day: pad(w.day), hour: pad(w.hour), minute: pad(w.minute) };
}

/** `2026-11-02 09:30`: an instant as the business's wall clock shows it, the same in every locale. */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  const t = localDateTime(instant, timeZone);
  return `${t.year}-${t.month}-${t.day} ${t.hour}:${t.minute}`;
}
