const DAY_MS = 86_400_000;

/** A half-open span of time [start, end). */
export interface TimeSpan {
  start: Date;
  end: Date;
}

export interface Chunk extends TimeSpan {
  /** Position in the window, from 0: what the checkpoint records as done. */
  index: number;
}

export interface WindowInput {
  runStartedAt: Date;
  /** Where the last completed run stopped; null before the first one. */
  syncedUntil: Date | null;
  lookBackDays: number;
  overlapDays: number;
  /** Start of the oldest appointment still unbilled (null when none): the Unbilled list reaches back to it. */
  oldestUnbilledStart: Date | null;
}

/**
 * The span a run re-reads by calendar: the look-back on the first run, afterwards from the last run's
 * end minus the overlap (cancellations and late edits in the recent past show up there), widened back
 * to the oldest unbilled appointment, so a cancellation of anything the Unbilled list shows is noticed
 * on the next sync (Bookings has no delta and no cancelled state: only a re-read shows what vanished).
 * It never reaches further back than the look-back (plus the overlap, for unbilled appointments the
 * last run still read), so a sync that was off for months does not read all of it; unbilled
 * appointments older than that are re-read by id, a slice per run (`unbilled-sweep.ts`). It always
 * ends one day after the run started, so today's appointments are complete.
 */
export function appointmentWindow(input: WindowInput): TimeSpan {
  const now = input.runStartedAt.getTime();
  const end = now + DAY_MS;
  const earliest = now - input.lookBackDays * DAY_MS;
  const incremental = input.syncedUntil === null ? earliest : Math.max(earliest, input.syncedUntil.getTime() - input.overlapDays * DAY_MS);
  // The look-back moves with the clock: the overlap's margin keeps what the last run read in reach.
  const unbilled = Math.max(earliest - input.overlapDays * DAY_MS, input.oldestUnbilledStart?.getTime() ?? Number.POSITIVE_INFINITY);
  const start = Math.min(incremental, unbilled, now);
  return { start: new Date(start), end: new Date(end) };
}

/** Consecutive chunks of `chunkDays` from the window's start; the last one may be shorter. */
export function splitWindow(window: TimeSpan, chunkDays: number): Chunk[] {
  if (!(chunkDays > 0)) throw new RangeError(`chunkDays must be positive, got ${chunkDays}`);
  const step = chunkDays * DAY_MS;
  const chunks: Chunk[] = [];
  const end = window.end.getTime();
  for (let from = window.start.getTime(), index = 0; from < end; from += step, index++) {
    chunks.push({ index, start: new Date(from), end: new Date(Math.min(from + step, end)) });
  }
  return chunks;
}
