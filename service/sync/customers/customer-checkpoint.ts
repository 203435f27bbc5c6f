import type { Kysely } from 'kysely';
import { z } from 'zod';
import { readJson, toIsoUtc, writeJson } from '../../store/columns';
import type { Database } from '../../store/database';

export const CUSTOMERS_CHECKPOINT_KIND = 'customers';

/**
 * When the customer phase last listed every Bookings customer and the Business Central index, and up
 * to when the attendees of appointments written since were found stored (process clock).
 */
const checkpointSchema = z.strictObject({ listedAt: z.iso.datetime(), attendeesCheckedAt: z.iso.datetime() });

export interface CustomersCheckpoint {
  listedAt: Date;
  attendeesCheckedAt: Date;
}

export async function readCustomersCheckpoint(db: Kysely<Database>, businessId: string): Promise<CustomersCheckpoint | null> {
  const row = await db
    .selectFrom('sync_checkpoints')
    .select('checkpoint')
    .where('business_id', '=', businessId)
    .where('kind', '=', CUSTOMERS_CHECKPOINT_KIND)
    .executeTakeFirst();
  if (!row) return null;
  const stored = readJson(checkpointSchema, row.checkpoint, 'sync_checkpoints.checkpoint');
  return { listedAt: new Date(stored.listedAt), attendeesCheckedAt: new Date(stored.attendeesCheckedAt) };
}

export async function writeCustomersCheckpoint(db: Kysely<Database>, businessId: string, value: CustomersCheckpoint, now: Date): Promise<void> {
  const checkpoint = writeJson(checkpointSchema.parse({ listedAt: toIsoUtc(value.listedAt), attendeesCheckedAt: toIsoUtc(value.attendeesCheckedAt) }));
  await db
    .insertInto('sync_checkpoints')
    .values({ business_id: businessId, kind: CUSTOMERS_CHECKPOINT_KIND, checkpoint, updated_at: toIsoUtc(now) })
    .onConflict((oc) => oc.columns(['business_id', 'kind']).doUpdateSet({ checkpoint, updated_at: toIsoUtc(now) }))
    .execute();
}
