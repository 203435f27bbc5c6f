import { z } from 'zod';
import { resolveTimeZone } from '../resolve-time-zone';
import { dateTimeTimeZone, instant, isoDuration, priceType, stringList, text } from './common';

export const bookingCustomerInformationSchema = z
  .object({
    customerId: z.string().min(1),
    name: text,
    emailAddress: text,
    phone: text,
    timeZone: z
      .string()
      .nullish()
      .transform((v) => v || null),
  })
  .transform((c) => ({ ...c, ianaTimeZone: c.timeZone ? resolveTimeZone(c.timeZone) : undefined }));

export type BookingCustomerInformation = z.output<typeof bookingCustomerInformationSchema>;

const number = z
  .number()
  .nullish()
  .transform((v) => v ?? null);

/**
 * A bookingAppointment with its times as instants. Graph v1.0 names them `startDateTime`/`endDateTime`;
 * some documentation says `start`/`end`: either is accepted.
 */
export const bookingAppointmentSchema = z
  .object({
    id: z.string().min(1),
    startDateTime: dateTimeTimeZone.optional(),
    endDateTime: dateTimeTimeZone.optional(),
    start: dateTimeTimeZone.optional(),
    end: dateTimeTimeZone.optional(),
    duration: isoDuration,
    preBuffer: isoDuration,
    postBuffer: isoDuration,
    serviceId: z.string().min(1),
    serviceName: text,
    price: number,
    priceType,
    staffMemberIds: stringList,
    customers: z
      .array(bookingCustomerInformationSchema)
      .nullish()
      .transform((v) => v ?? []),
    customerTimeZone: z
      .string()
      .nullish()
      .transform((v) => v || null),
    maximumAttendeesCount: number,
    filledAttendeesCount: number,
    isLocationOnline: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false),
    createdDateTime: instant,
    lastUpdatedDateTime: instant,
  })
  .transform((a, ctx) => {
    const { startDateTime, endDateTime, start, end, ...rest } = a;
    const from = startDateTime ?? start;
    const to = endDateTime ?? end;
    if (!from) ctx.addIssue({ code: 'custom', path: ['startDateTime'], message: 'is required (or start)' });
    if (!to) ctx.addIssue({ code: 'custom', path: ['endDateTime'], message: 'is required (or end)' });
    if (!from || !to) return z.NEVER;
    return { ...rest, start: from, end: to };
  });

export type BookingAppointment = z.output<typeof bookingAppointmentSchema>;
