import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { readJson, toIsoUtc, writeJson } from '../store/columns';
import type { Database } from '../store/database';

/** One `sync_checkpoints` row of `kind` for the business, checked against `schema`; null when there is none. */
export async function readCheckpointRow<S extends z.ZodType>(db: Kysely<Database>, businessId: string, kind: string, schema: S): Promise<z.infer<S> | null> {
  const row = await db.selectFrom('sync_checkpoints').select('checkpoint').where('business_id', '=', businessId).where('kind', '=', kind).executeTakeFirst();
  return row ? readJson(schema, row.checkpoint, 'sync_checkpoints.checkpoint') : null;
}

/** Writes (or replaces) the business's row of `kind`, checked against `schema` before it is stored. */
export async function writeCheckpointRow<S extends z.ZodType>(
  db: Kysely<Database>,
  businessId: string,
  kind: string,
  schema: S,
  value: z.input<S>,
  now: Date,
): Promise<void> {
  const checkpoint = writeJson(schema.parse(value));
  await db
    .insertInto('sync_checkpoints')
    .values({ business_id: businessId, kind, checkpoint, updated_at: toIsoUtc(now) })
    .onConflict((oc) => oc.columns(['business_id', 'kind']).doUpdateSet({ checkpoint, updated_at: toIsoUtc(now) }))
    .execute();
}
