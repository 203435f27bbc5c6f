import type { BookingsClient } from '../../clients/graph/bookings-client';

/** Staff member id → display name, read once per run for the line descriptions. */
export async function readStaffNames(bookings: BookingsClient, graphBusinessId: string): Promise<Map<string, string>> {
  const { staffMembers } = await bookings.listStaffMembers(graphBusinessId);
  return new Map(staffMembers.filter((s) => s.displayName.trim() !== '').map((s) => [s.id, s.displayName]));
}
