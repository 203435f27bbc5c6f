import type { BookingCustomer } from '../../clients/graph/schemas/booking-customer';
import { stripNul } from './bc-text';
import type { CustomerRecord } from './customer-rows';
import { normalizeEmail } from './email-addresses';
import type { Reject } from './record-rejects';

/** Longer is not a name but a broken or hostile record. */
export const MAX_NAME_LENGTH = 1_000;

/** Bookings customers as stored rows, and the ones refused with their reason. */
export function toCustomerRecords(customers: readonly BookingCustomer[]): { records: CustomerRecord[]; rejects: Reject[] } {
  const records: CustomerRecord[] = [];
  const rejects: Reject[] = [];
  const seen = new Set<string>();
  for (const customer of customers) {
    const id = stripNul(customer.id);
    const reject = (reason: string) => rejects.push({ entity: 'bookingCustomer', recordId: id, reason });
    if (id !== customer.id) reject('The id contains a NUL character');
    else if (seen.has(id)) reject('The id appears twice in the customer list');
    else if (customer.displayName.length > MAX_NAME_LENGTH) reject(`The name is ${customer.displayName.length} characters long (at most ${MAX_NAME_LENGTH})`);
    else {
      seen.add(id);
      const email = stripNul(customer.emailAddress).trim();
      records.push({ id, displayName: stripNul(customer.displayName), email: email === '' ? null : email, emailNormalized: normalizeEmail(email) });
    }
  }
  return { records, rejects };
}
