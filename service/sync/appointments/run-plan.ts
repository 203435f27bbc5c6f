import type { AppointmentCheckpoint } from './appointment-checkpoint';
import { appointmentWindow, splitWindow, type Chunk, type TimeSpan } from './sync-window';

export interface RunPlan {
  window: TimeSpan;
  chunkDays: number;
  chunks: Chunk[];
  /** Chunks a killed attempt of this run already committed. */
  done: Set<number>;
  resumed: boolean;
}

export interface RunPlanInput {
  syncRunId: string;
  runStartedAt: Date;
  lookBackDays: number;
  overlapDays: number;
  chunkDays: number;
}

/**
 * The same run id resumes its checkpointed window and skips the chunks it committed; any other run
 * starts a new window from the last completed run (an abandoned run's partial work is read again).
 */
export function planRun(checkpoint: AppointmentCheckpoint, input: RunPlanInput): RunPlan {
  const { runId, windowStart, windowEnd, chunkDays } = checkpoint;
  if (runId === input.syncRunId && windowStart !== null && windowEnd !== null && chunkDays !== null) {
    const window = { start: new Date(windowStart), end: new Date(windowEnd) };
    return { window, chunkDays, chunks: splitWindow(window, chunkDays), done: new Set(checkpoint.chunksDone), resumed: true };
  }
  const window = appointmentWindow({
    runStartedAt: input.runStartedAt,
    syncedUntil: checkpoint.syncedUntil === null ? null : new Date(checkpoint.syncedUntil),
    lookBackDays: input.lookBackDays,
    overlapDays: input.overlapDays,
  });
  return { window, chunkDays: input.chunkDays, chunks: splitWindow(window, input.chunkDays), done: new Set(), resumed: false };
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
  };
}
