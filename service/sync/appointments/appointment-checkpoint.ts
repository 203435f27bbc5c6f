import type { Kysely } from 'kysely';
import { z } from 'zod';
import { readJson, toIsoUtc, writeJson } from '../../store/columns';
import type { Database } from '../../store/database';

export const APPOINTMENTS_CHECKPOINT_KIND = 'appointments';

const isoInstant = z.iso.datetime();

/**
 * Where the appointment sync stands. `syncedUntil` is the end of the last completed run; the run
 * fields describe the run in progress (null when none is), so a killed run resumes with the same
 * window and skips the chunks already committed, and keeps what those chunks found missing. `backlogFrom`
 * is where the calendar re-read of older unbilled appointments goes on, `sweepAfter` the last id the
 * re-read by id of those beyond the look-back reached (null: start from the first).
 */
export const appointmentCheckpointSchema = z.strictObject({
  syncedUntil: isoInstant.nullable(),
  runId: z.string().min(1).nullable(),
  windowStart: isoInstant.nullable(),
  windowEnd: isoInstant.nullable(),
  chunkDays: z.number().positive().nullable(),
  // The run's slice of the older unbilled span (`backlog-slice.ts`); absent in checkpoints written before it.
  backlogStart: isoInstant.nullable().default(null),
  backlogEnd: isoInstant.nullable().default(null),
  backlogChunkDays: z.number().positive().nullable().default(null),
  /** Where the next run's slice starts (null: at the oldest unbilled appointment). */
  backlogFrom: isoInstant.nullable().default(null),
  chunksDone: z.array(z.int().min(0)),
  // Absent in checkpoints written before the re-read by id.
  sweepAfter: z.string().min(1).nullable().default(null),
  /** Ids the run's committed chunks found missing from their spans, settled once the whole window is read. Absent in older checkpoints. */
  missing: z.array(z.string().min(1)).default([]),
});

export type AppointmentCheckpoint = z.infer<typeof appointmentCheckpointSchema>;

export const emptyCheckpoint = (): AppointmentCheckpoint => ({
  syncedUntil: null,
  runId: null,
  windowStart: null,
  windowEnd: null,
  chunkDays: null,
  backlogStart: null,
  backlogEnd: null,
  backlogChunkDays: null,
  backlogFrom: null,
  chunksDone: [],
  sweepAfter: null,
  missing: [],
});

export async function readAppointmentCheckpoint(db: Kysely<Database>, businessId: string): Promise<AppointmentCheckpoint> {
  const row = await db
    .selectFrom('sync_checkpoints')
    .select('checkpoint')
    .where('business_id', '=', businessId)
    .where('kind', '=', APPOINTMENTS_CHECKPOINT_KIND)
    .executeTakeFirst();
  return row ? readJson(appointmentCheckpointSchema, row.checkpoint, 'sync_checkpoints.checkpoint') : emptyCheckpoint();
}

export async function writeAppointmentCheckpoint(db: Kysely<Database>, businessId: string, checkpoint: AppointmentCheckpoint, now: Date): Promise<void> {
  const values = {
    business_id: businessId,
    kind: APPOINTMENTS_CHECKPOINT_KIND,
    checkpoint: writeJson(appointmentCheckpointSchema.parse(checkpoint)),
    updated_at: toIsoUtc(now),
  };
  await db
    .insertInto('sync_checkpoints')
    .values(values)
    .onConflict((oc) => oc.columns(['business_id', 'kind']).doUpdateSet({ checkpoint: values.checkpoint, updated_at: values.updated_at }))
    .execute();
}
