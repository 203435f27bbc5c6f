/**
 * Wall-clock time in an IANA time zone to UTC with nothing but Intl, so the seed needs no tz library and
 * still follows the zone's daylight saving rules.
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

/** The zone's offset from UTC at an instant, in milliseconds (Copenhagen: +1 h in winter, +2 h in summer). */
export function timeZoneOffsetMs(instantMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wallClockAsUtc = Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  return wallClockAsUtc - (instantMs - (instantMs % 1000 + 1000) % 1000);
}

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

/**
 * The UTC instant at which the zone's clocks show the given time. Two passes, because the offset at the
 * first guess may be the other side of a DST change; a wall time skipped in spring maps one hour later.
 */
export function zonedTimeToUtc(wallClock: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(wallClock.year, wallClock.month - 1, wallClock.day, wallClock.hour, wallClock.minute);
  const firstOffset = timeZoneOffsetMs(asUtc, timeZone);
  const guess = asUtc - firstOffset;
  const secondOffset = timeZoneOffsetMs(guess, timeZone);
  return new Date(secondOffset === firstOffset ? guess : asUtc - secondOffset);
}
