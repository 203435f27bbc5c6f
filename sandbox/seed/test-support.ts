import type { BookingAppointment } from '../graph/types';

/** Minutes in an ISO 8601 time duration such as PT50M or PT1H30M. */
export function durationMinutes(iso: string): number {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(iso);
  if (!match) throw new Error(`not a time duration: ${iso}`);
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0) + Number(match[3] ?? 0) / 60;
}

/** A Graph UTC DateTimeTimeZone as epoch milliseconds. */
export function utcMs(value: BookingAppointment['startDateTime']): number {
  return Date.parse(`${value.dateTime.slice(0, 19)}Z`);
}
