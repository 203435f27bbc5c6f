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
  const instants: Date[] = [];
  for (let day = -SAMPLE_DAYS; day <= SAMPLE_DAYS; day += 15) instants.push(new Date(now.getTime() + day * 86_400_000));
  return hasPartHourOffset(timeZone, instants) ? MINUTE_KEY_LENGTH : HOUR_KEY_LENGTH;
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
