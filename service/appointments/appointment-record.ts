import { createHash } from 'node:crypto';
import type { Appointment } from '../domain/appointment';

/**
 * What Bookings says about an appointment, as the sync writes it: the domain appointment without our
 * own state, and with the price as Bookings gave it (null when it gave none).
 */
export type AppointmentRecord = Omit<Appointment, 'price' | 'state' | 'reviewReason'> & {
  priceMinor: number | null;
  currency: string;
  graphLastUpdated: Date | null;
};

/** The parts of an appointment a change is reported by. */
export type Aspect = 'time' | 'service' | 'price' | 'customers' | 'staff';

const ASPECTS: readonly Aspect[] = ['time', 'service', 'price', 'customers', 'staff'];

/** Each aspect's values in a fixed order, so equal content gives equal text whatever built it. */
function aspectValues(record: AppointmentRecord): Record<Aspect, unknown> {
  return {
    time: [record.start.toISOString(), record.end.toISOString(), record.durationMinutes],
    service: [record.serviceId, record.serviceName],
    price: [record.priceMinor, record.currency, record.priceType],
    customers: record.attendees.map((a) => [a.customerId, a.name, a.email, a.timeZone]),
    staff: record.staffMemberIds,
  };
}

/** A digest of everything the sync stores from Bookings: equal hashes mean nothing to write. */
export function contentHash(record: AppointmentRecord): string {
  const values = aspectValues(record);
  return createHash('sha256')
    .update(JSON.stringify(ASPECTS.map((a) => values[a])))
    .digest('base64url');
}

/** The aspects in which two versions differ, in a stable order. */
export function changedAspects(before: AppointmentRecord, after: AppointmentRecord): Aspect[] {
  const a = aspectValues(before);
  const b = aspectValues(after);
  return ASPECTS.filter((aspect) => JSON.stringify(a[aspect]) !== JSON.stringify(b[aspect]));
}

/** Lower-cased attendee names and emails and the service name, for free-text search. */
export function searchText(record: AppointmentRecord): string {
  return [...record.attendees.flatMap((a) => [a.name, a.email]), record.serviceName]
    .filter((part) => part !== '')
    .join(' ')
    .toLowerCase();
}
