import type { Kysely } from 'kysely';
import { z } from 'zod';
import { toIsoUtc, writeJson } from '../../store/columns';
import type { Database } from '../../store/database';
import { readCheckpointRow, writeCheckpointRow } from '../checkpoint-row';

export const CUSTOMERS_CHECKPOINT_KIND = 'customers';

/** When the customer phase last listed every Bookings customer and the Business Central index (process clock). */
const checkpointSchema = z.strictObject({ listedAt: z.iso.datetime() });

export async function readCustomersListedAt(db: Kysely<Database>, businessId: string): Promise<Date | null> {
  const checkpoint = await readCheckpointRow(db, businessId, CUSTOMERS_CHECKPOINT_KIND, checkpointSchema);
  return checkpoint ? new Date(checkpoint.listedAt) : null;
}

/** Records the listing, and that every attendee seen so far is stored (the flag below is cleared). */
export async function writeCustomersListedAt(db: Kysely<Database>, businessId: string, listedAt: Date, now: Date): Promise<void> {
  await writeCheckpointRow(db, businessId, CUSTOMERS_CHECKPOINT_KIND, checkpointSchema, { listedAt: toIsoUtc(listedAt) }, now);
  await db.deleteFrom('sync_checkpoints').where('business_id', '=', businessId).where('kind', '=', NEW_ATTENDEE_KIND).execute();
}

/** Present while an appointment was stored with an attendee that `customers` does not hold: the next customer phase lists. */
const NEW_ATTENDEE_KIND = 'customers-new-attendee';

export async function newAttendeeSeen(db: Kysely<Database>, businessId: string): Promise<boolean> {
  const row = await db
    .selectFrom('sync_checkpoints')
    .select('kind')
    .where('business_id', '=', businessId)
    .where('kind', '=', NEW_ATTENDEE_KIND)
    .executeTakeFirst();
  return row !== undefined;
}

const IDS_PER_QUERY = 500;

/** Raises the flag when any of `customerIds` is not in `customers` (the appointment phase calls it with what it stores). */
export async function noteNewAttendees(db: Kysely<Database>, businessId: string, customerIds: ReadonlySet<string>, now: Date): Promise<void> {
  const ids = [...customerIds];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const part = ids.slice(i, i + IDS_PER_QUERY);
    const known = await db.selectFrom('customers').select('id').where('business_id', '=', businessId).where('id', 'in', part).execute();
    if (known.length < part.length) {
      await db
        .insertInto('sync_checkpoints')
        .values({ business_id: businessId, kind: NEW_ATTENDEE_KIND, checkpoint: writeJson({}), updated_at: toIsoUtc(now) })
        .onConflict((oc) => oc.columns(['business_id', 'kind']).doNothing())
        .execute();
      return;
    }
  }
}
