import type { Kysely } from 'kysely';
import { businessKey } from '../domain/business-key';
import type { Database } from '../store/database';

export interface NamedRecord {
  id: string;
  displayName: string;
}

/** What the business's synced appointments, services and customers are called in the store: for faces that let people name one (the CLI). */
export interface StoredNames {
  appointmentIds(): Promise<string[]>;
  services(): Promise<NamedRecord[]>;
  customers(): Promise<NamedRecord[]>;
}

export function storedNames(db: Kysely<Database>, businessId: string): StoredNames {
  const key = businessKey(businessId);
  return {
    appointmentIds: async () => (await db.selectFrom('appointments').select('id').where('business_id', '=', key).execute()).map((r) => r.id),
    services: async () =>
      (await db.selectFrom('services').select(['id', 'display_name']).where('business_id', '=', key).execute()).map((r) => ({
        id: r.id,
        displayName: r.display_name,
      })),
    customers: async () =>
      (await db.selectFrom('customers').select(['id', 'display_name']).where('business_id', '=', key).execute()).map((r) => ({
        id: r.id,
        displayName: r.display_name,
      })),
  };
}
