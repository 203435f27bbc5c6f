import { AppointmentRepository } from '../../appointments/appointment-repository';
import type { SyncContext } from '../sync-context';
import { backlogRegion, type TimeSpan } from './sync-window';

const HOUR_MS = 3_600_000;

/**
 * The part of the older unbilled span (`backlogRegion`) this run re-reads by calendar: from where the
 * last run's slice ended (or from the oldest unbilled appointment), over about `perRun` stored
 * appointments. Re-reading all of it every run costs a page per 100 appointments: the bench's
 * incremental sync took 12 s with a year of backlog, 0.74 s (the whole run) with a slice of 4,000,
 * which still looks at every unbilled appointment again every (backlog ÷ perRun) runs. A row that
 * moves from the slice into the span no run read is taken for cancelled until a later read sees it
 * again (as a move past the window's end already was). A business with less backlog than that re-reads
 * all of it every run. Nothing is invoiced on a stale row: an invoice run re-reads its selection from
 * Bookings before claiming it.
 */
export async function backlogSlice(ctx: SyncContext, input: { window: TimeSpan; floor: Date; from: string | null; perRun: number }): Promise<TimeSpan | null> {
  if (input.perRun <= 0) return null;
  const repository = new AppointmentRepository(ctx.db);
  const region = backlogRegion({ window: input.window, floor: input.floor, oldestUnbilledStart: await repository.oldestUnbilledStart(ctx.businessId) });
  if (region === null) return null;
  const resumeAt = input.from === null ? null : Date.parse(input.from);
  const start = resumeAt !== null && resumeAt > region.start.getTime() && resumeAt < region.end.getTime() ? resumeAt : region.start.getTime();
  const after = await repository.startAfterCount(ctx.businessId, new Date(start), input.perRun);
  // At least an hour, so that many appointments at one instant cannot stall the slice.
  const end = after === null ? region.end.getTime() : Math.min(region.end.getTime(), Math.max(after.getTime(), start + HOUR_MS));
  return { start: new Date(start), end: new Date(end) };
}
