import type { DateTimeTimeZone } from './types';

const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const UTC_NAMES = new Set(['', 'utc', 'etc/utc', 'gmt', 'etc/gmt', 'coordinated universal time']);

/** Graph's wire form of a UTC instant: seven fraction digits, no zone designator. */
export function toGraphDateTime(instantMs: number): string {
  return `${new Date(instantMs).toISOString().slice(0, 19)}.0000000`;
}

export function utcDateTime(instantMs: number): DateTimeTimeZone {
  return { dateTime: toGraphDateTime(instantMs), timeZone: 'UTC' };
}

/**
 * The instant a dateTimeTimeZone names, or undefined when it cannot be read. An explicit offset in
 * `dateTime` wins (Graph's own samples send `...+00:00` with `timeZone: "UTC"`); otherwise the zone
 * must be UTC or an IANA name.
 */
export function instantOf(value: DateTimeTimeZone): number | undefined {
  if (HAS_ZONE.test(value.dateTime)) return finite(Date.parse(value.dateTime));
  const asUtc = finite(Date.parse(`${value.dateTime}Z`));
  if (asUtc === undefined) return undefined;
  if (UTC_NAMES.has(value.timeZone.trim().toLowerCase())) return asUtc;
  const first = offsetMs(value.timeZone, asUtc);
  if (first === undefined) return undefined;
  // A second pass settles wall times near a DST change.
  const second = offsetMs(value.timeZone, asUtc - first);
  return asUtc - (second ?? first);
}

/** The zone's offset from UTC at an instant (positive east of Greenwich), undefined for unknown zones. */
function offsetMs(timeZone: string, instantMs: number): number | undefined {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch {
    return undefined;
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instantMs)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/** ISO 8601 duration as Graph writes it, e.g. PT1H30M, PT0S. */
export function isoDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  if (days === 0) return `PT${time || '0S'}`;
  return `P${days}D${time ? `T${time}` : ''}`;
}

function finite(n: number): number | undefined {
  return Number.isFinite(n) ? n : undefined;
}
