/** Calendar arithmetic on whole UTC days ("epoch days"), which is all the seed's relative dates need. */
export const DAY_MS = 86_400_000;

export function epochDayOf(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday, as Date.getUTCDay. */
export function weekdayOf(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isWeekday(epochDay: number): boolean {
  const weekday = weekdayOf(epochDay);
  return weekday !== 0 && weekday !== 6;
}

export function dateOf(epochDay: number): { year: number; month: number; day: number } {
  const date = new Date(epochDay * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** YYYY-MM-DD, as Business Central dates. */
export function isoDateOf(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** Graph's DateTimeTimeZone text: `YYYY-MM-DDTHH:mm:ss.0000000`. */
export function graphDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}.0000000`;
}

/** ISO 8601 duration as Graph writes it: PT50M, PT1H, PT1H30M, PT0S. */
export function isoDuration(minutes: number): string {
  if (minutes === 0) return 'PT0S';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours > 0 ? `${hours}H` : ''}${rest > 0 ? `${rest}M` : ''}`;
}
