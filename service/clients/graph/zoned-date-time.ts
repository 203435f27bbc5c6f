import { resolveTimeZone } from './resolve-time-zone';

// Graph sends `2026-11-03T09:00:00.0000000` (seven fraction digits, no offset) next to a time zone name.
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(instant))) parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant a wall-clock time in a time zone (Windows id or IANA name) stands for; an explicit `Z` or
 * offset in the text wins. Undefined when the text or the zone is not understood.
 */
export function zonedDateTimeToUtc(dateTime: string, timeZone: string): Date | undefined {
  const m = LOCAL.exec(dateTime.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, offset] = m;
  const ms = Number((frac ?? '0').padEnd(3, '0').slice(0, 3));
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
  if (Number.isNaN(wall)) return undefined;
  if (offset) return offset === 'Z' ? new Date(wall) : new Date(wall - offsetMinutes(offset) * 60_000);
  const zone = resolveTimeZone(timeZone);
  if (!zone) return undefined;
  if (zone === 'Etc/UTC') return new Date(wall);
  // The offset at the wall time read as UTC is right except near a transition; a second look settles it.
  const first = offsetAt(wall, zone);
  const second = offsetAt(wall - first, zone);
  return new Date(wall - second);
}

function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}
