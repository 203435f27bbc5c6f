import { addIsoDays, startOfIsoDay } from '../domain/local-day';

/** Half-open bounds on the appointment start, as stored ISO UTC text. */
export interface StartBounds {
  fromUtc?: string;
  toUtc?: string;
}

const isDate = (value: string) => value.length === 10;

const localMidnight = (date: string, timeZone: string) => startOfIsoDay(date, timeZone).toISOString();

/**
 * `from` and `to` as the schema accepts them: a date is a whole local day in the business's time
 * zone (`to` includes it), a date-time with an offset is an instant (`to` excludes it).
 */
export function startBounds(from: string | undefined, to: string | undefined, timeZone: string): StartBounds {
  const bounds: StartBounds = {};
  if (from !== undefined) bounds.fromUtc = isDate(from) ? localMidnight(from, timeZone) : new Date(from).toISOString();
  if (to !== undefined) bounds.toUtc = isDate(to) ? localMidnight(addIsoDays(to, 1), timeZone) : new Date(to).toISOString();
  return bounds;
}
