import type { Kysely } from 'kysely';
import { z } from 'zod';
import { readJson, toIsoUtc, writeJson } from '../../store/columns';
import type { Database } from '../../store/database';

export const CUSTOMERS_CHECKPOINT_KIND = 'customers';

/** When the customer phase last listed every Bookings customer and the Business Central index (process clock). */
const checkpointSchema = z.strictObject({ listedAt: z.iso.datetime() });

export async function readCustomersListedAt(db: Kysely<Database>, businessId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('sync_checkpoints')
    .select('checkpoint')
    .where('business_id', '=', businessId)
    .where('kind', '=', CUSTOMERS_CHECKPOINT_KIND)
    .executeTakeFirst();
  return row ? new Date(readJson(checkpointSchema, row.checkpoint, 'sync_checkpoints.checkpoint').listedAt) : null;
}

export async function writeCustomersListedAt(db: Kysely<Database>, businessId: string, listedAt: Date, now: Date): Promise<void> {
  const checkpoint = writeJson(checkpointSchema.parse({ listedAt: toIsoUtc(listedAt) }));
  await db
    .insertInto('sync_checkpoints')
    .values({ business_id: businessId, kind: CUSTOMERS_CHECKPOINT_KIND, checkpoint, updated_at: toIsoUtc(now) })
    .onConflict((oc) => oc.columns(['business_id', 'kind']).doUpdateSet({ checkpoint, updated_at: toIsoUtc(now) }))
    .execute();
}
