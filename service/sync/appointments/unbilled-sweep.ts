import { AppointmentRepository } from '../../appointments/appointment-repository';
import type { SyncContext } from '../sync-context';
import type { FetchedChunk } from './fetch-chunk';

export interface SweptSlice {
  /** What Bookings still has among the slice (with customers: a read by id returns them). */
  fetched: FetchedChunk;
  /** Ids Bookings answered 404 for: cancelled there. */
  gone: string[];
  /** Where the next run's slice starts (null: from the first id again). */
  sweepAfter: string | null;
}

/**
 * The next `limit` appointments a cancellation can still move that start before the calendar window,
 * read by id through `$batch`, rotating by id from where the last run stopped, so every old unbilled
 * appointment is looked at again every (count ÷ limit) runs. Reading all of them each run does not fit
 * a one-second sync: Bookings serves 4 ids per round trip, against 100 per calendar page. Nothing is
 * invoiced on this alone: an invoice run re-reads its selection from Bookings before claiming it.
 */
export async function readUnbilledSlice(ctx: SyncContext, options: { before: Date; sweepAfter: string | null; limit: number }): Promise<SweptSlice> {
  const empty: SweptSlice = { fetched: { appointments: [], invalid: [] }, gone: [], sweepAfter: null };
  if (options.limit <= 0) return { ...empty, sweepAfter: options.sweepAfter };
  const repository = new AppointmentRepository(ctx.db);
  const query = { businessId: ctx.businessId, before: options.before, limit: options.limit };
  const ids = await repository.cancellableBefore({ ...query, afterId: options.sweepAfter ?? '' });
  // The end of the ids reached: the slice goes on from the first one.
  const wrapped = ids.length < options.limit && options.sweepAfter !== null;
  if (wrapped) {
    const taken = new Set(ids);
    const more = await repository.cancellableBefore({ ...query, afterId: '', limit: options.limit - ids.length });
    ids.push(...more.filter((id) => !taken.has(id)));
  }
  if (ids.length === 0) return empty;
  const read = await ctx.bookings.getAppointmentsByIds(ctx.setup.businessId, ids);
  const appointments = [...read.appointments.values()].flatMap((a) => (a === null ? [] : [a]));
  const gone = [...read.appointments].flatMap(([id, a]) => (a === null ? [id] : []));
  return {
    fetched: { appointments, invalid: read.invalid },
    gone,
    sweepAfter: ids.length < options.limit ? null : ids.at(-1)!,
  };
}
