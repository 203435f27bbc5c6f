import { randomBytes, randomUUID } from 'node:crypto';

/**
 * An Exchange-style item id as Bookings returns for appointments: base64 that ends in '=' and, like
 * Graph's ids, uses '-' and '_' instead of '/' and '+', so it is one path segment once URL-encoded.
 * Ids come from crypto rather than the injectable `random`, which only drives faults: a test that
 * forces faults must not also force colliding ids.
 */
export function newAppointmentId(): string {
  // Six prefix bytes keep the familiar 'AAMkAGI2' start; 40 bytes in all end the text in '=='.
  const prefix = Buffer.from('AAMkAGI2', 'base64');
  return Buffer.concat([prefix, randomBytes(34)]).toString('base64').replace(/\//g, '-').replace(/\+/g, '_');
}

export function newCustomerId(): string {
  return randomUUID();
}

export function newRequestId(): string {
  return randomUUID();
}
