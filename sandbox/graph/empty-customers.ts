/**
 * Bookings list responses sometimes omit an appointment's customers (a documented quirk). The choice
 * is a hash of the id, not a coin toss, so two reads of the same list agree and a sync sees a stable
 * world; reading the appointment by id always returns its customers.
 */
export function hidesCustomers(appointmentId: string, rate: number): boolean {
  if (rate <= 0) return false;
  if (rate >= 1) return true;
  return unitHash(appointmentId) < rate;
}

/** FNV-1a, scaled to [0, 1). */
function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 0x1_0000_0000;
}
