import { z } from 'zod';
import { isIsoDuration } from '../iso-duration';
import { zonedDateTimeToUtc } from '../zoned-date-time';

/** Graph sends null for many unset strings; we read them as ''. */
export const text = z
  .string()
  .nullish()
  .transform((v) => v ?? '');

export const stringList = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

export const isoDuration = z
  .string()
  .refine(isIsoDuration, { message: 'is not an ISO 8601 duration' })
  .nullish()
  .transform((v) => v ?? null);

export const instant = z
  .string()
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined) return null;
    const at = Date.parse(v);
    if (Number.isNaN(at)) {
      ctx.addIssue({ code: 'custom', message: `is not a date-time: "${v}"` });
      return z.NEVER;
    }
    return new Date(at);
  });

/** A Graph `dateTimeTimeZone` as the instant it names. */
export const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string().nullish() }).transform((v, ctx) => {
  const zone = v.timeZone ?? 'UTC';
  const at = zonedDateTimeToUtc(v.dateTime, zone);
  if (!at) {
    ctx.addIssue({ code: 'custom', message: `is not a date-time in a known time zone: "${v.dateTime}" "${zone}"` });
    return z.NEVER;
  }
  return at;
});

export const bookingPriceTypes = ['undefined', 'fixedPrice', 'startingAt', 'hourly', 'free', 'priceVaries', 'callUs', 'notSet', 'unknownFutureValue'] as const;

export type BookingPriceType = (typeof bookingPriceTypes)[number];

const known = new Set<string>(bookingPriceTypes);

/** Graph adds enum members over time (evolvable enums); one we do not know reads as unknownFutureValue. */
export const priceType = z
  .string()
  .nullish()
  .transform((v): BookingPriceType => {
    if (v === null || v === undefined) return 'notSet';
    return known.has(v) ? (v as BookingPriceType) : 'unknownFutureValue';
  });
