/**
 * Wall-clock time in IANA time zones with nothing but Intl: the runtime's time zone database gives the
 * daylight-saving rules, no tz library needed. The one implementation the service, the bot and the
 * sandbox share.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface WallClock {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What the zone's clocks show at an instant, as Intl formats it. */
function formattedWallClock(instantMs: number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const n = (key: string) => fields[key] ?? 0;
  return { year: n('year'), month: n('month'), day: n('day'), hour: n('hour'), minute: n('minute'), second: n('second') };
}

const floorToSecond = (instantMs: number) => instantMs - (((instantMs % 1000) + 1000) % 1000);

function formattedOffsetMs(instantMs: number, timeZone: string): number {
  const w = formattedWallClock(instantMs, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - floorToSecond(instantMs);
}

const HOUR_MS = 3_600_000;
/** Where Intl's fields and Date's UTC fields surely count years alike (four digits, no era); Intl alone outside. */
const FIRST_MS = Date.UTC(1900, 0, 1);
const LAST_MS = Date.UTC(9999, 0, 1);
/** Per zone and UTC hour: the zone's offset through the whole hour, or null where it changes within it. */
const hourOffsets = new Map<string, number | null>();
/** About two years of hours in one zone; a process serves a business or a few. */
const HOURS_KEPT = 20_000;

/**
 * The zone's offset through the UTC hour of an instant, read at the hour's first and last second
 * (no zone changes its offset twice within an hour), once per zone and hour: formatToParts is about
 * 5 µs a call, and an invoice run of 10,000 appointments read the wall clock for every line's
 * description and every grouping (0.5 s of its CPU).
 */
function steadyOffsetMs(instantMs: number, timeZone: string): number | null {
  if (instantMs < FIRST_MS || instantMs > LAST_MS) return null;
  const hour = Math.floor(instantMs / HOUR_MS);
  const key = `${timeZone} ${hour}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined) {
    const first = formattedOffsetMs(hour * HOUR_MS, timeZone);
    offset = first === formattedOffsetMs((hour + 1) * HOUR_MS - 1000, timeZone) ? first : null;
    if (hourOffsets.size >= HOURS_KEPT) hourOffsets.clear();
    hourOffsets.set(key, offset);
  }
  return offset;
}

/** What the zone's clocks show at an instant. */
export function wallClockAt(instantMs: number, timeZone: string): WallClock {
  const offset = steadyOffsetMs(instantMs, timeZone);
  if (offset === null) return formattedWallClock(instantMs, timeZone);
  const wall = new Date(floorToSecond(instantMs) + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** Milliseconds the zone is ahead of UTC at an instant (Copenhagen: +1 h in winter, +2 h in summer). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  return steadyOffsetMs(instantMs, timeZone) ?? formattedOffsetMs(instantMs, timeZone);
}

/**
 * The UTC instant at which the zone's clocks show a wall time. The offset is read twice, because the
 * first guess may lie on the other side of a DST change; a wall time skipped in spring maps one hour later.
 */
export function zonedTimeToUtc(wall: Omit<WallClock, 'second'> & { second?: number; millisecond?: number }, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0, wall.millisecond ?? 0);
  const firstOffset = zoneOffsetMs(asUtc, timeZone);
  const guess = asUtc - firstOffset;
  const secondOffset = zoneOffsetMs(guess, timeZone);
  return new Date(secondOffset === firstOffset ? guess : asUtc - secondOffset);
}
