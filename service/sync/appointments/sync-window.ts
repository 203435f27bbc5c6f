const DAY_MS = 86_400_000;

/** A half-open span of time [start, end). */
export interface TimeSpan {
  start: Date;
  end: Date;
}

export interface Chunk extends TimeSpan {
  /** Position in the run's plan, from 0: what the checkpoint records as done. */
  index: number;
  /** Whether the chunk also keeps appointments that started before it and overlap it: the first chunk of the recent window does. */
  takesOverlapping: boolean;
}

export interface WindowInput {
  runStartedAt: Date;
  /** Where the last completed run stopped; null before the first one. */
  syncedUntil: Date | null;
  lookBackDays: number;
  overlapDays: number;
}

/**
 * The recent span a run re-reads by calendar: the look-back on the first run, afterwards from the last
 * run's end minus the overlap (cancellations and late edits in the recent past show up there). It never
 * reaches further back than the look-back, so a sync that was off for months does not read all of it.
 * It always ends one day after the run started, so today's appointments are complete. Older unbilled
 * appointments are re-read by calendar a slice per run (`backlogRegion`), and those beyond the look-back
 * by id (`unbilled-sweep.ts`).
 */
export function appointmentWindow(input: WindowInput): TimeSpan {
  const now = input.runStartedAt.getTime();
  const end = now + DAY_MS;
  const earliest = now - input.lookBackDays * DAY_MS;
  const incremental = input.syncedUntil === null ? earliest : Math.max(earliest, input.syncedUntil.getTime() - input.overlapDays * DAY_MS);
  return { start: new Date(Math.min(incremental, now)), end: new Date(end) };
}

/**
 * How far back the calendar is re-read at all: the look-back, plus the overlap's margin so that an
 * unbilled appointment the last run read just inside its look-back stays in reach as the clock moves.
 * Unbilled appointments older than this are re-read by id.
 */
export function calendarFloor(input: Pick<WindowInput, 'runStartedAt' | 'lookBackDays' | 'overlapDays'>): Date {
  return new Date(input.runStartedAt.getTime() - (input.lookBackDays + input.overlapDays) * DAY_MS);
}

/**
 * The span between the oldest unbilled appointment (not before the calendar floor) and the recent
 * window: Bookings has no delta and no cancelled state, so only a re-read shows what vanished from it.
 * Null when nothing unbilled starts before the window.
 */
export function backlogRegion(input: { window: TimeSpan; floor: Date; oldestUnbilledStart: Date | null }): TimeSpan | null {
  if (input.oldestUnbilledStart === null) return null;
  const start = Math.max(input.floor.getTime(), input.oldestUnbilledStart.getTime());
  return start < input.window.start.getTime() ? { start: new Date(start), end: input.window.start } : null;
}

/**
 * Consecutive chunks of `chunkDays` from the span's start, numbered from `firstIndex`; the last one may
 * be shorter. The first chunk takes overlapping appointments when `takesOverlapping` (the recent window's).
 */
export function splitWindow(window: TimeSpan, chunkDays: number, options: { firstIndex?: number; takesOverlapping?: boolean } = {}): Chunk[] {
  if (!(chunkDays > 0)) throw new RangeError(`chunkDays must be positive, got ${chunkDays}`);
  const step = chunkDays * DAY_MS;
  const chunks: Chunk[] = [];
  const end = window.end.getTime();
  const firstIndex = options.firstIndex ?? 0;
  for (let from = window.start.getTime(), index = firstIndex; from < end; from += step, index++) {
    const takesOverlapping = index === firstIndex && (options.takesOverlapping ?? true);
    chunks.push({ index, start: new Date(from), end: new Date(Math.min(from + step, end)), takesOverlapping });
  }
  return chunks;
}
