import type { Kysely } from 'kysely';
import { z } from 'zod';
import { readJson, toIsoUtc, writeJson } from '../../store/columns';
import type { Database } from '../../store/database';

export const RECONCILE_CHECKPOINT_KIND = 'reconcile';

/** When the last completed reconcile started asking Business Central (process clock). */
const checkpointSchema = z.strictObject({ readAt: z.iso.datetime() });

export async function readReconciledAt(db: Kysely<Database>, businessId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('sync_checkpoints')
    .select('checkpoint')
    .where('business_id', '=', businessId)
    .where('kind', '=', RECONCILE_CHECKPOINT_KIND)
    .executeTakeFirst();
  return row ? new Date(readJson(checkpointSchema, row.checkpoint, 'sync_checkpoints.checkpoint').readAt) : null;
}

export async function writeReconciledAt(db: Kysely<Database>, businessId: string, readAt: Date, now: Date): Promise<void> {
  const checkpoint = writeJson(checkpointSchema.parse({ readAt: toIsoUtc(readAt) }));
  await db
    .insertInto('sync_checkpoints')
    .values({ business_id: businessId, kind: RECONCILE_CHECKPOINT_KIND, checkpoint, updated_at: toIsoUtc(now) })
    .onConflict((oc) => oc.columns(['business_id', 'kind']).doUpdateSet({ checkpoint, updated_at: toIsoUtc(now) }))
    .execute();
}
