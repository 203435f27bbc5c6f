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

/** What the zone's clocks show at an instant. */
export function wallClockAt(instantMs: number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const n = (key: string) => fields[key] ?? 0;
  return { year: n('year'), month: n('month'), day: n('day'), hour: n('hour'), minute: n('minute'), second: n('second') };
}

/** Milliseconds the zone is ahead of UTC at an instant (Copenhagen: +1 h in winter, +2 h in summer). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const w = wallClockAt(instantMs, timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUtc - (instantMs - (((instantMs % 1000) + 1000) % 1000));
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
