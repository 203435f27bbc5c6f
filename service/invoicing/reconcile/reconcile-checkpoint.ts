import type { Kysely } from 'kysely';
import { z } from 'zod';
import { toIsoUtc } from '../../store/columns';
import type { Database } from '../../store/database';
import { readCheckpointRow, writeCheckpointRow } from '../../sync/checkpoint-row';

export const RECONCILE_CHECKPOINT_KIND = 'reconcile';

/** When the last completed reconcile started asking Business Central (process clock). */
const checkpointSchema = z.strictObject({ readAt: z.iso.datetime() });

export async function readReconciledAt(db: Kysely<Database>, businessId: string): Promise<Date | null> {
  const checkpoint = await readCheckpointRow(db, businessId, RECONCILE_CHECKPOINT_KIND, checkpointSchema);
  return checkpoint ? new Date(checkpoint.readAt) : null;
}

export async function writeReconciledAt(db: Kysely<Database>, businessId: string, readAt: Date, now: Date): Promise<void> {
  await writeCheckpointRow(db, businessId, RECONCILE_CHECKPOINT_KIND, checkpointSchema, { readAt: toIsoUtc(readAt) }, now);
}
