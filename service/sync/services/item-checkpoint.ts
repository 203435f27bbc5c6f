import type { Kysely } from 'kysely';
import { z } from 'zod';
import { readJson, writeJson } from '../../store/columns';
import type { Database } from '../../store/database';

export const SERVICE_ITEMS_CHECKPOINT_KIND = 'service-items';

/** Services whose items were sent to Business Central and whose links may not be stored yet. */
const checkpointSchema = z.object({ sentServiceIds: z.array(z.string()) });

export async function readSentServiceIds(db: Kysely<Database>, businessId: string): Promise<Set<string>> {
  const row = await db
    .selectFrom('sync_checkpoints')
    .select('checkpoint')
    .where('business_id', '=', businessId)
    .where('kind', '=', SERVICE_ITEMS_CHECKPOINT_KIND)
    .executeTakeFirst();
  return new Set(row ? readJson(checkpointSchema, row.checkpoint, 'sync_checkpoints.checkpoint').sentServiceIds : []);
}

export async function writeSentServiceIds(db: Kysely<Database>, businessId: string, ids: ReadonlySet<string>, now: Date): Promise<void> {
  if (ids.size === 0) {
    await db.deleteFrom('sync_checkpoints').where('business_id', '=', businessId).where('kind', '=', SERVICE_ITEMS_CHECKPOINT_KIND).execute();
    return;
  }
  const checkpoint = writeJson({ sentServiceIds: [...ids].sort() });
  await db
    .insertInto('sync_checkpoints')
    .values({ business_id: businessId, kind: SERVICE_ITEMS_CHECKPOINT_KIND, checkpoint, updated_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['business_id', 'kind']).doUpdateSet({ checkpoint, updated_at: now.toISOString() }))
    .execute();
}
