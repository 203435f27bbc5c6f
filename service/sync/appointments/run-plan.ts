import type { AppointmentCheckpoint } from './appointment-checkpoint';
import { appointmentWindow, splitWindow, type Chunk, type TimeSpan } from './sync-window';

export interface RunPlan {
  window: TimeSpan;
  chunkDays: number;
  chunks: Chunk[];
  /** Chunks a killed attempt of this run already committed. */
  done: Set<number>;
  /** Ids the committed chunks found missing from their spans (`missingIds`), settled once the window is read. */
  missing: Set<string>;
  resumed: boolean;
}

export interface RunPlanInput {
  syncRunId: string;
  runStartedAt: Date;
  lookBackDays: number;
  overlapDays: number;
  chunkDays: number;
  /** Start of the oldest unbilled appointment: the window reaches back to it (`appointmentWindow`). */
  oldestUnbilledStart: Date | null;
  /**
   * Chunks read at once: a window too short to give each reader a whole chunk is cut finer (to the
   * hour), so a short incremental window is read in parallel too. Absent: `chunkDays` as given.
   */
  readers?: number;
}

const HOUR_MS = 3_600_000;

/** `chunkDays`, or less for a short window, so that there are at least `readers` chunks (never under an hour). */
export function chunkDaysFor(window: TimeSpan, chunkDays: number, readers: number | undefined): number {
  if (readers === undefined || readers <= 1) return chunkDays;
  const hours = Math.max(1, Math.ceil((window.end.getTime() - window.start.getTime()) / readers / HOUR_MS));
  return Math.min(chunkDays, hours / 24);
}

/**
 * The same run id resumes its checkpointed window and skips the chunks it committed; any other run
 * starts a new window from the last completed run (an abandoned run's partial work is read again).
 */
export function planRun(checkpoint: AppointmentCheckpoint, input: RunPlanInput): RunPlan {
  const { runId, windowStart, windowEnd } = checkpoint;
  if (runId === input.syncRunId && windowStart !== null && windowEnd !== null && checkpoint.chunkDays !== null) {
    const window = { start: new Date(windowStart), end: new Date(windowEnd) };
    // The recorded chunking, so the recorded chunk numbers name the same chunks.
    return {
      window,
      chunkDays: checkpoint.chunkDays,
      chunks: splitWindow(window, checkpoint.chunkDays),
      done: new Set(checkpoint.chunksDone),
      missing: new Set(checkpoint.missing),
      resumed: true,
    };
  }
  const window = appointmentWindow({
    runStartedAt: input.runStartedAt,
    syncedUntil: checkpoint.syncedUntil === null ? null : new Date(checkpoint.syncedUntil),
    lookBackDays: input.lookBackDays,
    overlapDays: input.overlapDays,
    oldestUnbilledStart: input.oldestUnbilledStart,
  });
  const chunkDays = chunkDaysFor(window, input.chunkDays, input.readers);
  return { window, chunkDays, chunks: splitWindow(window, chunkDays), done: new Set(), missing: new Set(), resumed: false };
}

/** The checkpoint recording `plan` in progress for run `syncRunId`. */
export function inProgressCheckpoint(previous: AppointmentCheckpoint, syncRunId: string, plan: RunPlan): AppointmentCheckpoint {
  return {
    syncedUntil: previous.syncedUntil,
    runId: syncRunId,
    windowStart: plan.window.start.toISOString(),
    windowEnd: plan.window.end.toISOString(),
    chunkDays: plan.chunkDays,
    chunksDone: [...plan.done].sort((a, b) => a - b),
    sweepAfter: previous.sweepAfter,
    missing: [...plan.missing],
  };
}
