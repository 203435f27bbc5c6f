import { zonedDateTimeToUtc } from '../clients/graph/zoned-date-time';

/** Half-open bounds on the appointment start, as stored ISO UTC text. */
export interface StartBounds {
  fromUtc?: string;
  toUtc?: string;
}

const isDate = (value: string) => value.length === 10;

function nextDate(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function localMidnight(date: string, timeZone: string): string {
  const instant = zonedDateTimeToUtc(`${date}T00:00:00`, timeZone);
  if (instant === undefined) throw new RangeError(`Cannot place ${date} in time zone ${timeZone}`);
  return instant.toISOString();
}

/**
 * `from` and `to` as the schema accepts them: a date is a whole local day in the business's time
 * zone (`to` includes it), a date-time with an offset is an instant (`to` excludes it).
 */
export function startBounds(from: string | undefined, to: string | undefined, timeZone: string): StartBounds {
  const bounds: StartBounds = {};
  if (from !== undefined) bounds.fromUtc = isDate(from) ? localMidnight(from, timeZone) : new Date(from).toISOString();
  if (to !== undefined) bounds.toUtc = isDate(to) ? localMidnight(nextDate(to), timeZone) : new Date(to).toISOString();
  return bounds;
}
