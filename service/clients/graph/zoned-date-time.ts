import { zonedTimeToUtc } from '../../domain/zoned-time';
import { resolveTimeZone } from './resolve-time-zone';

// Graph sends `2026-11-03T09:00:00.0000000` (seven fraction digits, no offset) next to a time zone name.
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

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
  return zonedTimeToUtc(
    { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: Number(s ?? 0), millisecond: ms },
    zone,
  );
}

function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}
