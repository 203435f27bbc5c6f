import type { Kysely } from 'kysely';
import type { Database } from '../../store/database';

/** A Bookings customer as the `customers` table keeps it (full text, never truncated). */
export interface CustomerRecord {
  id: string;
  displayName: string;
  email: string | null;
  emailNormalized: string | null;
}

export interface UpsertCounts {
  added: number;
  updated: number;
  unchanged: number;
}

const CHUNK = 500;

/** Writes what is new or changed, one transaction per chunk; unchanged rows are not touched. */
export async function upsertCustomers(db: Kysely<Database>, businessId: string, records: readonly CustomerRecord[], now: Date): Promise<UpsertCounts> {
  const existing = new Map(
    (await db.selectFrom('customers').select(['id', 'display_name', 'email', 'email_normalized']).where('business_id', '=', businessId).execute()).map((r) => [
      r.id,
      r,
    ]),
  );
  const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 };
  const changed = records.filter((record) => {
    const row = existing.get(record.id);
    if (!row) counts.added++;
    else if (row.display_name !== record.displayName || row.email !== record.email || row.email_normalized !== record.emailNormalized) counts.updated++;
    else {
      counts.unchanged++;
      return false;
    }
    return true;
  });
  for (let start = 0; start < changed.length; start += CHUNK) {
    const rows = changed.slice(start, start + CHUNK).map((r) => ({
      business_id: businessId,
      id: r.id,
      display_name: r.displayName,
      email: r.email,
      email_normalized: r.emailNormalized,
      time_zone: null,
      updated_at: now.toISOString(),
    }));
    await db.transaction().execute((trx) =>
      trx
        .insertInto('customers')
        .values(rows)
        // time_zone is left alone: appointments, not the customer list, tell it.
        .onConflict((oc) =>
          oc.columns(['business_id', 'id']).doUpdateSet((eb) => ({
            display_name: eb.ref('excluded.display_name'),
            email: eb.ref('excluded.email'),
            email_normalized: eb.ref('excluded.email_normalized'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute(),
    );
  }
  return counts;
}
