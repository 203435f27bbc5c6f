import { z } from 'zod';
import type { Appointment, Attendee, PriceType } from '../domain/appointment';
import { PRICE_TYPES } from '../domain/appointment';
import { readJson, toIsoUtc, writeJson } from '../store/columns';
import type { NewRow, Row } from '../store/database';
import { contentHash, searchText, type AppointmentRecord } from './appointment-record';

const storedAttendeesSchema = z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), timeZone: z.string().nullable() }));
const staffIdsSchema = z.array(z.string());
const priceTypeSchema = z.enum(PRICE_TYPES);

function readAttendees(text: string): Attendee[] {
  return readJson(storedAttendeesSchema, text, 'appointments.customers').map((a) => ({
    customerId: a.id,
    name: a.name,
    email: a.email,
    timeZone: a.timeZone,
  }));
}

function readPriceType(text: string): PriceType {
  const parsed = priceTypeSchema.safeParse(text);
  // Rows are written from parsed Graph data; a value we do not know is one Graph added later.
  return parsed.success ? parsed.data : 'unknownFutureValue';
}

/** The Bookings values of a stored row, to compare with what Bookings says now. */
export function rowToRecord(row: Row<'appointments'>): AppointmentRecord {
  return {
    id: row.id,
    businessId: row.business_id,
    start: new Date(row.start_utc),
    end: new Date(row.end_utc),
    durationMinutes: row.duration_minutes,
    serviceId: row.service_id ?? '',
    serviceName: row.service_name,
    staffMemberIds: readJson(staffIdsSchema, row.staff_member_ids, 'appointments.staff_member_ids'),
    attendees: readAttendees(row.customers),
    priceMinor: row.price_minor,
    currency: row.currency,
    priceType: readPriceType(row.price_type),
    graphLastUpdated: row.graph_last_updated === null ? null : new Date(row.graph_last_updated),
  };
}

/**
 * The domain view of a row. The domain's price is always Money: a price Bookings did not give reads
 * as NaN minor units, which pricing reports as 'invalid-price' rather than treating it as free.
 */
export function rowToAppointment(row: Row<'appointments'>): Appointment {
  const record = rowToRecord(row);
  return {
    id: record.id,
    businessId: record.businessId,
    start: record.start,
    end: record.end,
    durationMinutes: record.durationMinutes,
    serviceId: record.serviceId,
    serviceName: record.serviceName,
    staffMemberIds: record.staffMemberIds,
    attendees: record.attendees,
    price: { minor: record.priceMinor ?? Number.NaN, currency: record.currency },
    priceType: record.priceType,
    state: row.state,
    reviewReason: row.review_reason,
  };
}

/**
 * The text `recordColumns` writes at the start of an attendee in `appointments.customers`, so an
 * attendee's appointments can be found with LIKE (the id first, JSON-encoded, then a comma).
 */
export function attendeeJsonPrefix(customerId: string): string {
  return `{"id":${writeJson(customerId)},`;
}

/** The columns that hold Bookings' values, with their denormalised facts and hash. */
export function recordColumns(record: AppointmentRecord) {
  return {
    start_utc: toIsoUtc(record.start),
    end_utc: toIsoUtc(record.end),
    duration_minutes: record.durationMinutes,
    service_id: record.serviceId === '' ? null : record.serviceId,
    service_name: record.serviceName,
    staff_member_ids: writeJson(record.staffMemberIds),
    customers: writeJson(record.attendees.map((a) => ({ id: a.customerId, name: a.name, email: a.email, timeZone: a.timeZone }))),
    price_minor: record.priceMinor,
    currency: record.currency,
    price_type: record.priceType,
    content_hash: contentHash(record),
    graph_last_updated: record.graphLastUpdated === null ? null : toIsoUtc(record.graphLastUpdated),
    customer_count: record.attendees.length,
    customers_without_email: record.attendees.filter((a) => a.email.trim() === '').length,
    search_text: searchText(record),
  };
}

/** A new row, but for its blocked customers (the repository counts them): every appointment starts unbilled. */
export function newAppointmentRow(record: AppointmentRecord, syncRunId: string, now: Date): Omit<NewRow<'appointment_inserts'>, 'customers_blocked'> {
  return {
    id: record.id,
    business_id: record.businessId,
    ...recordColumns(record),
    state: 'unbilled',
    claimed_by_run: null,
    invoice_id: null,
    review_reason: null,
    last_seen_sync: syncRunId,
    entered_price_minor: null,
    created_at: toIsoUtc(now),
    updated_at: toIsoUtc(now),
  };
}
