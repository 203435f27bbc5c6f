import type { BookingAppointment } from '../clients/graph/schemas/booking-appointment';
import type { Attendee } from '../domain/appointment';
import { toMinor } from '../domain/money';
import type { AppointmentRecord } from './appointment-record';

export type MappedAppointment = { kind: 'record'; record: AppointmentRecord } | { kind: 'reject'; reason: string };

// Beyond these years ISO text loses its fixed width (and no booking is that old or far away).
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

/** PostgreSQL refuses U+0000 in text; everything else is stored as given. */
export const stripNul = (text: string): string => text.replaceAll('\u0000', '');

function attendeesOf(appointment: BookingAppointment): Attendee[] {
  return appointment.customers.map((c) => ({
    customerId: stripNul(c.customerId),
    name: stripNul(c.name),
    email: stripNul(c.emailAddress).trim(),
    timeZone: c.ianaTimeZone ?? null,
  }));
}

function priceOf(price: number | null, currency: string): { minor: number | null } | { reject: string } {
  if (price === null) return { minor: null };
  if (price < 0) return { reject: `price: negative (${price})` };
  const minor = toMinor(price, currency);
  return Number.isSafeInteger(minor) ? { minor } : { reject: `price: out of range (${price})` };
}

/**
 * A Graph appointment (already schema-checked by the client) as the record we store, or why it is
 * refused. Times come from the client's parsed instants; money is in the business's currency.
 */
export function mapGraphAppointment(appointment: BookingAppointment, context: { businessId: string; currency: string }): MappedAppointment {
  const start = appointment.start.getTime();
  const end = appointment.end.getTime();
  if (start < EARLIEST || start > LATEST || end < EARLIEST || end > LATEST) return { kind: 'reject', reason: 'startDateTime/endDateTime: impossible date' };
  if (end < start) return { kind: 'reject', reason: 'endDateTime: before startDateTime' };
  const price = priceOf(appointment.price, context.currency);
  if ('reject' in price) return { kind: 'reject', reason: price.reject };
  return {
    kind: 'record',
    record: {
      id: appointment.id,
      businessId: context.businessId,
      start: appointment.start,
      end: appointment.end,
      durationMinutes: Math.round((end - start) / 60_000),
      serviceId: stripNul(appointment.serviceId),
      serviceName: stripNul(appointment.serviceName),
      staffMemberIds: appointment.staffMemberIds.map(stripNul),
      attendees: attendeesOf(appointment),
      priceMinor: price.minor,
      currency: context.currency,
      priceType: appointment.priceType,
      graphLastUpdated: appointment.lastUpdatedDateTime,
    },
  };
}
