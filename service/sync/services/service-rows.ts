import type { Kysely } from 'kysely';
import type { Database } from '../../store/database';
import type { UpsertCounts } from '../customers/customer-rows';
import type { ServiceRecord } from './service-record';

/** Writes new and changed services in one transaction; unchanged rows are not touched. */
export async function upsertServices(db: Kysely<Database>, businessId: string, records: readonly ServiceRecord[], now: Date): Promise<UpsertCounts> {
  const existing = new Map((await db.selectFrom('services').selectAll().where('business_id', '=', businessId).execute()).map((r) => [r.id, r]));
  const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 };
  const changed = records.filter((r) => {
    const row = existing.get(r.id);
    if (!row) counts.added++;
    else if (
      row.display_name !== r.displayName ||
      row.default_price_minor !== r.defaultPriceMinor ||
      row.currency !== r.currency ||
      row.default_price_type !== r.priceType ||
      row.default_duration_minutes !== r.defaultDurationMinutes
    ) {
      counts.updated++;
    } else {
      counts.unchanged++;
      return false;
    }
    return true;
  });
  if (changed.length === 0) return counts;
  const rows = changed.map((r) => ({
    business_id: businessId,
    id: r.id,
    display_name: r.displayName,
    default_price_minor: r.defaultPriceMinor,
    currency: r.currency,
    default_price_type: r.priceType,
    default_duration_minutes: r.defaultDurationMinutes,
    updated_at: now.toISOString(),
  }));
  await db.transaction().execute((trx) =>
    trx
      .insertInto('services')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['business_id', 'id']).doUpdateSet((eb) => ({
          display_name: eb.ref('excluded.display_name'),
          default_price_minor: eb.ref('excluded.default_price_minor'),
          currency: eb.ref('excluded.currency'),
          default_price_type: eb.ref('excluded.default_price_type'),
          default_duration_minutes: eb.ref('excluded.default_duration_minutes'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute(),
  );
  return counts;
}
