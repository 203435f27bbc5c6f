import type { IdSource } from '../seed/id-source';

// Six prefix bytes keep the familiar 'AAMkAGI2' start; 40 bytes in all end the text in '=='.
const APPOINTMENT_ID_PREFIX = Buffer.from('AAMkAGI2', 'base64');

/**
 * An Exchange-style item id as Bookings returns for appointments: base64 that ends in '=' and, like
 * Graph's ids, uses '-' and '_' instead of '/' and '+', so it is one path segment once URL-encoded.
 */
export function newAppointmentId(ids: IdSource): string {
  return Buffer.concat([APPOINTMENT_ID_PREFIX, ids.bytes('appointment', 34)])
    .toString('base64')
    .replace(/\//g, '-')
    .replace(/\+/g, '_');
}

export function newCustomerId(ids: IdSource): string {
  return ids.guid('customer');
}

export function newRequestId(ids: IdSource): string {
  return ids.guid('request');
}
