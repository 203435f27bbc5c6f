import { addDays, formatIsoDate } from '../../service/domain/local-date';
import { wallClockAt, zonedTimeToUtc } from '../../service/domain/zoned-time';
import type { DailySummary } from '../../service/setup/setup-schema';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The local day the summary due at `now` covers: the day before today, once today's local time
 * has reached the summary time. Comparing wall-clock text keeps DST days right: on a day without
 * 02:30 the first tick after the jump is due, on a day with two the first one is.
 */
export function dueSummaryDay(now: Date, summary: Pick<DailySummary, 'time' | 'timeZone'>): string | undefined {
  const wall = wallClockAt(now.getTime(), summary.timeZone);
  if (`${pad(wall.hour)}:${pad(wall.minute)}` < summary.time) return undefined;
  return formatIsoDate(addDays({ year: wall.year, month: wall.month, day: wall.day }, -1));
}

/** When the next summary is posted (for the status card); null when summaries are off. */
export function nextSummaryAt(now: Date, summary: Pick<DailySummary, 'enabled' | 'time' | 'timeZone'>): Date | null {
  if (!summary.enabled) return null;
  const wall = wallClockAt(now.getTime(), summary.timeZone);
  const today = { year: wall.year, month: wall.month, day: wall.day };
  const day = `${pad(wall.hour)}:${pad(wall.minute)}` < summary.time ? today : addDays(today, 1);
  const [hour, minute] = summary.time.split(':').map(Number);
  return zonedTimeToUtc({ ...day, hour: hour ?? 0, minute: minute ?? 0 }, summary.timeZone);
}
