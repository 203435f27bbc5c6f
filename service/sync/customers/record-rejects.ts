import type { Kysely } from 'kysely';
import type { InvalidRecord } from '../../clients/http/parse-records';
import type { Database } from '../../store/database';
import { stripNul } from './bc-text';

export interface Reject {
  entity: string;
  recordId: string | null;
  reason: string;
}

export const fromInvalidRecord = (record: InvalidRecord): Reject => ({ entity: record.entity, recordId: record.id ?? null, reason: record.issues });

/** Writes refused records to `sync_rejects`, one transaction; they never abort the phase. */
export async function recordRejects(
  db: Kysely<Database>,
  scope: { businessId: string; syncRunId: string },
  rejects: readonly Reject[],
  at: Date,
): Promise<void> {
  if (rejects.length === 0) return;
  const rows = rejects.map((r) => ({
    business_id: scope.businessId,
    sync_run_id: scope.syncRunId,
    entity: r.entity,
    record_id: r.recordId === null ? null : stripNul(r.recordId),
    reason: stripNul(r.reason),
    at: at.toISOString(),
  }));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('sync_rejects')
        .values(rows.slice(i, i + 500))
        .execute();
  });
}
