import type { BookingsClient } from '../clients/graph/bookings-client';

/** A service or staff member as the tab names it; displayName is '' when Bookings has none. */
export interface CatalogEntry {
  id: string;
  displayName: string;
}

/** What the configured Bookings business offers and who works there, in Graph's order. */
export interface Catalog {
  services: CatalogEntry[];
  staffMembers: CatalogEntry[];
}

/** The two Bookings reads the catalog needs, so tests can stand in for the client. */
export type CatalogSource = Pick<BookingsClient, 'listServices' | 'listStaffMembers'>;

const entryOf = (record: { id: string; displayName: string }): CatalogEntry => ({ id: record.id, displayName: record.displayName.trim() });

async function readStaffEntries(bookings: Pick<BookingsClient, 'listStaffMembers'>, graphBusinessId: string): Promise<CatalogEntry[]> {
  const { staffMembers } = await bookings.listStaffMembers(graphBusinessId);
  return staffMembers.map(entryOf);
}

/** Services and staff members of one business, read from Graph now. */
export async function readCatalog(bookings: CatalogSource, graphBusinessId: string): Promise<Catalog> {
  const [{ services }, staffMembers] = await Promise.all([bookings.listServices(graphBusinessId), readStaffEntries(bookings, graphBusinessId)]);
  return { services: services.map(entryOf), staffMembers };
}

/** Staff member id → display name (the named ones only), read once per run for the line descriptions. */
export async function readStaffNames(bookings: Pick<BookingsClient, 'listStaffMembers'>, graphBusinessId: string): Promise<Map<string, string>> {
  return staffNameMap(await readStaffEntries(bookings, graphBusinessId));
}

export function staffNameMap(staffMembers: readonly CatalogEntry[]): Map<string, string> {
  return new Map(staffMembers.filter((s) => s.displayName !== '').map((s) => [s.id, s.displayName]));
}
