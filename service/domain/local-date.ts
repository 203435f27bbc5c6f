/**
 * A calendar date with no time zone: the business's "day". Arithmetic runs on UTC epoch days so
 * that no local offset or daylight-saving change can shift a date.
 */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

export function localDate(year: number, month: number, day: number): LocalDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  return day <= daysInMonth(year, month) ? { year, month, day } : undefined;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fromEpochDay(epochDay: number): LocalDate {
  const d = new Date(epochDay * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function epochDay(date: LocalDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(epochDay(date) + days);
}

/** ISO weeks start on Monday. */
export function startOfIsoWeek(date: LocalDate): LocalDate {
  const weekday = (new Date(epochDay(date) * DAY_MS).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

export function startOfMonth(date: LocalDate): LocalDate {
  return { year: date.year, month: date.month, day: 1 };
}

export function endOfMonth(date: LocalDate): LocalDate {
  return { year: date.year, month: date.month, day: daysInMonth(date.year, date.month) };
}

export function previousMonth(date: LocalDate): LocalDate {
  return date.month === 1 ? { year: date.year - 1, month: 12, day: 1 } : { year: date.year, month: date.month - 1, day: 1 };
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return epochDay(a) - epochDay(b);
}

export function formatIsoDate(date: LocalDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(text: string): LocalDate | undefined {
  const m = ISO_DATE.exec(text);
  return m ? localDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}
