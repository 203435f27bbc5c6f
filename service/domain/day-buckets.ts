import { localIsoDate, zoneOffsetMs } from './local-day';
import { totalsByCurrency, type Money } from './money';

/** What was summed on one local day (YYYY-MM-DD), per currency. */
export interface DayAmounts {
  day: string;
  count: number;
  amounts: Money[];
}

/** Invoiceable amounts of one start-time bucket (UTC hour or minute) in one currency, as SQL groups them. */
export interface BucketSum {
  bucket: string;
  currency: string;
  count: number;
  minor: number;
}

const HOUR_KEY_LENGTH = 13; // 2026-11-01T08
const MINUTE_KEY_LENGTH = 16; // 2026-11-01T08:30
const SAMPLE_DAYS = 400;

/** Offsets such as +05:30: with minutes in the offset a UTC hour can straddle a local midnight. */
function hasPartHourOffset(timeZone: string, instants: Date[]): boolean {
  return instants.some((instant) => zoneOffsetMs(instant.getTime(), timeZone) % 3_600_000 !== 0);
}

/**
 * How much of the ISO start to group by so that no group straddles a local midnight: the UTC hour
 * when the zone's offsets around `now` are whole hours (fewer groups), else the minute (India, Nepal).
 */
export function bucketKeyLength(timeZone: string, now: Date): number {
  return hasPartHourOffset(timeZone, sampleInstants(now)) ? MINUTE_KEY_LENGTH : HOUR_KEY_LENGTH;
}

function sampleInstants(now: Date): Date[] {
  const instants: Date[] = [];
  for (let day = -SAMPLE_DAYS; day <= SAMPLE_DAYS; day += 15) instants.push(new Date(now.getTime() + day * 86_400_000));
  return instants;
}

/**
 * For hour buckets: each UTC hour ('00'…'23') mapped to the first hour of its run of hours that
 * fall on the same local day under every offset the zone has around `now`, so SQL can group a UTC
 * day's hours into two or three buckets instead of 24 (an hour that a DST change moves across local
 * midnight keeps a bucket of its own). Folding the representative's bucket gives the same local day.
 */
export function hourRepresentatives(timeZone: string, now: Date): Map<string, string> {
  const offsetHours = [...new Set(sampleInstants(now).map((instant) => zoneOffsetMs(instant.getTime(), timeZone) / 3_600_000))];
  const shifts = (hour: number) => offsetHours.map((o) => Math.floor((hour + o) / 24)).join(',');
  const representatives = new Map<string, string>();
  let first = 0;
  for (let hour = 0; hour < 24; hour++) {
    const ambiguous = new Set(shifts(hour).split(',')).size > 1;
    if (ambiguous || hour === 0 || shifts(hour) !== shifts(hour - 1) || new Set(shifts(hour - 1).split(',')).size > 1) first = hour;
    representatives.set(String(hour).padStart(2, '0'), String(first).padStart(2, '0'));
  }
  return representatives;
}

function bucketStart(bucket: string): Date {
  return new Date(bucket.length === HOUR_KEY_LENGTH ? `${bucket}:00:00Z` : `${bucket}:00Z`);
}

const DAY_MS = 86_400_000;

/**
 * The local date of each bucket's start. A year has thousands of hour buckets: the zone's offset is
 * read (Intl) at both ends of each UTC day once, and per bucket only on a day it changes (a DST switch).
 */
function localDayOfBucket(timeZone: string): (bucket: string) => string {
  const offsets = new Map<string, number | null>();
  return (bucket) => {
    const start = bucketStart(bucket);
    const utcDay = bucket.slice(0, 10);
    let offset = offsets.get(utcDay);
    if (offset === undefined) {
      const dayStart = Date.parse(`${utcDay}T00:00:00Z`);
      const first = zoneOffsetMs(dayStart, timeZone);
      offset = zoneOffsetMs(dayStart + DAY_MS - 1, timeZone) === first ? first : null;
      offsets.set(utcDay, offset);
    }
    return offset === null ? localIsoDate(start, timeZone) : new Date(start.getTime() + offset).toISOString().slice(0, 10);
  };
}

/** Buckets folded into local days of `timeZone`, oldest first. */
export function sumByLocalDay(buckets: readonly BucketSum[], timeZone: string): DayAmounts[] {
  const days = new Map<string, { count: number; amounts: Money[] }>();
  const localDay = localDayOfBucket(timeZone);
  for (const b of buckets) {
    if (b.count === 0) continue;
    const day = localDay(b.bucket);
    const entry = days.get(day) ?? { count: 0, amounts: [] };
    entry.count += b.count;
    entry.amounts.push({ minor: b.minor, currency: b.currency });
    days.set(day, entry);
  }
  return [...days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([day, { count, amounts }]) => ({ day, count, amounts: totalsByCurrency(amounts) }));
}
