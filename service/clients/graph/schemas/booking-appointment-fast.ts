import { isIsoDuration } from '../iso-duration';
import { resolveTimeZone } from '../resolve-time-zone';
import { zonedDateTimeToUtc } from '../zoned-date-time';
import { bookingPriceTypes, type BookingPriceType } from './common';
import { bookingAppointmentSchema, type BookingAppointment, type BookingCustomerInformation } from './booking-appointment';
import { parseRecords, type InvalidRecord, type ParsedRecords } from '../../http/parse-records';

/*
 * A calendar page holds a hundred appointments of one known shape, and zod's generic walk over each
 * was the sync's largest cost after the database. This reads the usual shape directly, giving exactly
 * what `bookingAppointmentSchema` gives, and hands anything else (a null where we expect an object,
 * `start`/`end` instead of `startDateTime`/`endDateTime`, a bad value) to the schema, which stays the
 * one statement of what is accepted and says what is wrong. booking-appointment-fast.test.ts holds
 * the two to the same answers.
 */

/** Not the usual shape: the schema decides. */
const OTHER = Symbol('other');
type Read<T> = T | typeof OTHER;

const known = new Set<string>(bookingPriceTypes);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown): Read<string> {
  if (typeof v === 'string') return v;
  return v === null || v === undefined ? '' : OTHER;
}

function nullableNumber(v: unknown): Read<number | null> {
  if (typeof v === 'number') return Number.isFinite(v) ? v : OTHER;
  return v === null || v === undefined ? null : OTHER;
}

function duration(v: unknown): Read<string | null> {
  if (typeof v === 'string') return isIsoDuration(v) ? v : OTHER;
  return v === null || v === undefined ? null : OTHER;
}

function instant(v: unknown): Read<Date | null> {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') return OTHER;
  const at = Date.parse(v);
  return Number.isNaN(at) ? OTHER : new Date(at);
}

function zoned(v: unknown): Read<Date> {
  if (!isObject(v) || typeof v['dateTime'] !== 'string') return OTHER;
  const zone = v['timeZone'];
  if (zone !== null && zone !== undefined && typeof zone !== 'string') return OTHER;
  return zonedDateTimeToUtc(v['dateTime'], zone ?? 'UTC') ?? OTHER;
}

function priceType(v: unknown): Read<BookingPriceType> {
  if (v === null || v === undefined) return 'notSet';
  if (typeof v !== 'string') return OTHER;
  return known.has(v) ? (v as BookingPriceType) : 'unknownFutureValue';
}

function stringList(v: unknown): Read<string[]> {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) return OTHER;
  return [...v] as string[];
}

function zoneName(v: unknown): Read<string | null> {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? v || null : OTHER;
}

function customer(v: unknown): Read<BookingCustomerInformation> {
  if (!isObject(v)) return OTHER;
  const { customerId } = v;
  const name = text(v['name']);
  const emailAddress = text(v['emailAddress']);
  const phone = text(v['phone']);
  const timeZone = zoneName(v['timeZone']);
  if (typeof customerId !== 'string' || customerId === '' || name === OTHER || emailAddress === OTHER || phone === OTHER || timeZone === OTHER) return OTHER;
  return { customerId, name, emailAddress, phone, timeZone, ianaTimeZone: timeZone ? resolveTimeZone(timeZone) : undefined };
}

function customers(v: unknown): Read<BookingCustomerInformation[]> {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) return OTHER;
  const out: BookingCustomerInformation[] = [];
  for (const c of v) {
    const read = customer(c);
    if (read === OTHER) return OTHER;
    out.push(read);
  }
  return out;
}

/** The appointment as the schema would read it, or undefined when the schema must decide. */
export function readUsualAppointment(raw: unknown): BookingAppointment | undefined {
  if (!isObject(raw) || raw['start'] !== undefined || raw['end'] !== undefined) return undefined;
  const { id, serviceId } = raw;
  if (typeof id !== 'string' || id === '' || typeof serviceId !== 'string' || serviceId === '') return undefined;
  const isLocationOnline = raw['isLocationOnline'];
  if (isLocationOnline !== null && isLocationOnline !== undefined && typeof isLocationOnline !== 'boolean') return undefined;
  const read = {
    id,
    duration: duration(raw['duration']),
    preBuffer: duration(raw['preBuffer']),
    postBuffer: duration(raw['postBuffer']),
    serviceId,
    serviceName: text(raw['serviceName']),
    price: nullableNumber(raw['price']),
    priceType: priceType(raw['priceType']),
    staffMemberIds: stringList(raw['staffMemberIds']),
    customers: customers(raw['customers']),
    customerTimeZone: zoneName(raw['customerTimeZone']),
    maximumAttendeesCount: nullableNumber(raw['maximumAttendeesCount']),
    filledAttendeesCount: nullableNumber(raw['filledAttendeesCount']),
    isLocationOnline: isLocationOnline ?? false,
    createdDateTime: instant(raw['createdDateTime']),
    lastUpdatedDateTime: instant(raw['lastUpdatedDateTime']),
    start: zoned(raw['startDateTime']),
    end: zoned(raw['endDateTime']),
  };
  for (const value of Object.values(read)) if (value === OTHER) return undefined;
  return read as BookingAppointment;
}

/** A page of appointments: the usual ones read directly, the rest by the schema (with its reasons for refusing). */
export function parseAppointments(raws: readonly unknown[]): ParsedRecords<BookingAppointment> {
  const records: BookingAppointment[] = [];
  const invalid: InvalidRecord[] = [];
  for (const raw of raws) {
    const usual = readUsualAppointment(raw);
    if (usual) {
      records.push(usual);
      continue;
    }
    const parsed = parseRecords(bookingAppointmentSchema, [raw], 'bookingAppointment');
    records.push(...parsed.records);
    invalid.push(...parsed.invalid);
  }
  return { records, invalid };
}
