import type { Kysely } from 'kysely';
import { z } from 'zod';
import { toIsoUtc } from '../../store/columns';
import type { Database } from '../../store/database';
import { readCheckpointRow, writeCheckpointRow } from '../checkpoint-row';

export const CUSTOMERS_CHECKPOINT_KIND = 'customers';

/** When the customer phase last listed every Bookings customer and the Business Central index (process clock). */
const checkpointSchema = z.strictObject({ listedAt: z.iso.datetime() });

export async function readCustomersListedAt(db: Kysely<Database>, businessId: string): Promise<Date | null> {
  const checkpoint = await readCheckpointRow(db, businessId, CUSTOMERS_CHECKPOINT_KIND, checkpointSchema);
  return checkpoint ? new Date(checkpoint.listedAt) : null;
}

/**
 * Records the listing, and that the attendees noted before it began are stored: the flag below is
 * cleared unless it was raised again since (`raisedBefore`, read when the listing began). The listing
 * is recorded once the run's later phases are done (its creates go on beside them), so an appointment
 * phase in between may have noted someone who booked after the list was read: they keep the flag,
 * and the next run lists again.
 */
export async function writeCustomersListedAt(db: Kysely<Database>, businessId: string, listedAt: Date, now: Date, raisedBefore: number | null): Promise<void> {
  await writeCheckpointRow(db, businessId, CUSTOMERS_CHECKPOINT_KIND, checkpointSchema, { listedAt: toIsoUtc(listedAt) }, now);
  if (raisedBefore !== null && (await newAttendeeRaises(db, businessId)) === raisedBefore) {
    await db.deleteFrom('sync_checkpoints').where('business_id', '=', businessId).where('kind', '=', NEW_ATTENDEE_KIND).execute();
  }
}

/** Present while an appointment was stored with an attendee that `customers` does not hold: the next customer phase lists. */
const NEW_ATTENDEE_KIND = 'customers-new-attendee';
/** How many times it was raised (a flag of an earlier version holds `{}`): tells a flag raised during a listing from one raised before. */
const newAttendeeSchema = z.object({ raised: z.number().int().nonnegative().default(0) });

/** The flag's count of raises, or null when it is down. */
export async function newAttendeeRaises(db: Kysely<Database>, businessId: string): Promise<number | null> {
  const flag = await readCheckpointRow(db, businessId, NEW_ATTENDEE_KIND, newAttendeeSchema);
  return flag === null ? null : flag.raised;
}

const IDS_PER_QUERY = 500;

/** Raises the flag when any of `customerIds` is not in `customers` (the appointment phase calls it with what it stores). */
export async function noteNewAttendees(db: Kysely<Database>, businessId: string, customerIds: ReadonlySet<string>, now: Date): Promise<void> {
  const ids = [...customerIds];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const part = ids.slice(i, i + IDS_PER_QUERY);
    const known = await db.selectFrom('customers').select('id').where('business_id', '=', businessId).where('id', 'in', part).execute();
    if (known.length < part.length) {
      const raised = (await newAttendeeRaises(db, businessId)) ?? 0;
      await writeCheckpointRow(db, businessId, NEW_ATTENDEE_KIND, newAttendeeSchema, { raised: raised + 1 }, now);
      return;
    }
  }
}
