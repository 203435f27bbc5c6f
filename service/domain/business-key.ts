/**
 * How a Bookings business is keyed in the store, in leases and in caches: Graph names a business by
 * its mailbox address (`Clinic@contoso.onmicrosoft.com`), which is case-insensitive, so every row,
 * lease and lookup uses this one spelling.
 */
export function businessKey(businessId: string): string {
  return businessId.trim().toLowerCase();
}
