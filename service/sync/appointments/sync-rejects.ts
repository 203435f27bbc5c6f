import type { Kysely } from 'kysely';
import { toIsoUtc } from '../../store/columns';
import type { Database } from '../../store/database';
import { stripNul } from '../../appointments/map-graph-appointment';

export interface Reject {
  recordId: string | null;
  reason: string;
}

// A reason names fields and problems; a huge one would only repeat a huge value.
const MAX_REASON = 1_000;
const MAX_RECORD_ID = 500;

export async function writeRejects(
  db: Kysely<Database>,
  options: { businessId: string; syncRunId: string; entity: string; now: Date },
  rejects: readonly Reject[],
): Promise<void> {
  if (rejects.length === 0) return;
  const at = toIsoUtc(options.now);
  const rows = rejects.map((r) => ({
    business_id: options.businessId,
    sync_run_id: options.syncRunId,
    entity: options.entity,
    record_id: r.recordId === null ? null : stripNul(r.recordId).slice(0, MAX_RECORD_ID),
    reason: stripNul(r.reason).slice(0, MAX_REASON),
    at,
  }));
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('sync_rejects')
      .values(rows.slice(i, i + 100))
      .execute();
}
