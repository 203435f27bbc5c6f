import { wallClockAt } from '../domain/zoned-time';
import { WEEKDAYS, type Weekday } from '../setup/setup-schema';

/** A moment that repeats on the business's wall clock: every day, or one day a week, at a time. */
export interface LocalSchedule {
  frequency: 'daily' | 'weekly';
  /** Read only when weekly. */
  day: Weekday;
  /** HH:MM, 24-hour. */
  time: string;
  /** IANA */
  timeZone: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Monday = 0 … Sunday = 6, of a calendar date. */
function weekdayIndex(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/**
 * The tick due at `now`, named by its local date (YYYY-MM-DD), or undefined when none is: a tick is
 * due on its own day from its time on, so the checks that run every minute find the same key all
 * that day and a claim on the key makes it happen once. A day the process was down is not made up
 * (the next tick covers what it would have: everything up to its yesterday). Comparing wall-clock
 * text keeps DST days right, as the daily summary does.
 */
export function dueLocalTick(now: Date, schedule: LocalSchedule): string | undefined {
  const wall = wallClockAt(now.getTime(), schedule.timeZone);
  if (`${pad(wall.hour)}:${pad(wall.minute)}` < schedule.time) return undefined;
  if (schedule.frequency === 'weekly' && WEEKDAYS[weekdayIndex(wall.year, wall.month, wall.day)] !== schedule.day) return undefined;
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** The local date before `date` (YYYY-MM-DD). */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
