import type { AppointmentCheckpoint } from './appointment-checkpoint';
import { splitWindow, type Chunk, type TimeSpan } from './sync-window';

export interface RunPlan {
  /** The recent span, re-read whole every run. */
  window: TimeSpan;
  chunkDays: number;
  /** The slice of older unbilled appointments' span this run re-reads too (`backlog-slice.ts`); null: none. */
  backlog: { span: TimeSpan; chunkDays: number } | null;
  /** The backlog's chunks first, then the window's, numbered in that order. */
  chunks: Chunk[];
  /** Chunks a killed attempt of this run already committed. */
  done: Set<number>;
  /** Ids the committed chunks found missing from their spans (`missingIds`), settled once everything is read. */
  missing: Set<string>;
  resumed: boolean;
}

export interface NewPlanInput {
  window: TimeSpan;
  backlog: TimeSpan | null;
  chunkDays: number;
  /**
   * Chunks read at once: a span too short to give each reader a whole chunk is cut finer (to the
   * hour), so a short incremental window is read in parallel too. Absent: `chunkDays` as given.
   */
  readers?: number;
}

const HOUR_MS = 3_600_000;

/** `chunkDays`, or less for a short span, so that there are at least `readers` chunks (never under an hour). */
export function chunkDaysFor(span: TimeSpan, chunkDays: number, readers: number | undefined): number {
  if (readers === undefined || readers <= 1) return chunkDays;
  const hours = Math.max(1, Math.ceil((span.end.getTime() - span.start.getTime()) / readers / HOUR_MS));
  return Math.min(chunkDays, hours / 24);
}

function chunksOf(window: TimeSpan, chunkDays: number, backlog: RunPlan['backlog']): Chunk[] {
  const older = backlog === null ? [] : splitWindow(backlog.span, backlog.chunkDays, { takesOverlapping: false });
  return [...older, ...splitWindow(window, chunkDays, { firstIndex: older.length })];
}

/** The run `syncRunId` left in progress, with the chunks it committed, or null when the checkpoint holds another run (or none). */
export function resumedPlan(checkpoint: AppointmentCheckpoint, syncRunId: string): RunPlan | null {
  const { runId, windowStart, windowEnd, chunkDays, backlogStart, backlogEnd, backlogChunkDays } = checkpoint;
  if (runId !== syncRunId || windowStart === null || windowEnd === null || chunkDays === null) return null;
  const window = { start: new Date(windowStart), end: new Date(windowEnd) };
  const backlog =
    backlogStart === null || backlogEnd === null || backlogChunkDays === null
      ? null
      : { span: { start: new Date(backlogStart), end: new Date(backlogEnd) }, chunkDays: backlogChunkDays };
  // The recorded chunking, so the recorded chunk numbers name the same chunks.
  return {
    window,
    chunkDays,
    backlog,
    chunks: chunksOf(window, chunkDays, backlog),
    done: new Set(checkpoint.chunksDone),
    missing: new Set(checkpoint.missing),
    resumed: true,
  };
}

/** A new run's plan: any other run's partial work is read again. */
export function newPlan(input: NewPlanInput): RunPlan {
  const chunkDays = chunkDaysFor(input.window, input.chunkDays, input.readers);
  const backlog = input.backlog === null ? null : { span: input.backlog, chunkDays: chunkDaysFor(input.backlog, input.chunkDays, input.readers) };
  return { window: input.window, chunkDays, backlog, chunks: chunksOf(input.window, chunkDays, backlog), done: new Set(), missing: new Set(), resumed: false };
}

/** Where the next run's backlog slice starts: after this one, or from the oldest again (null) once this one reached the window. */
export function nextBacklogFrom(plan: RunPlan): string | null {
  return plan.backlog !== null && plan.backlog.span.end.getTime() < plan.window.start.getTime() ? plan.backlog.span.end.toISOString() : null;
}

/** The checkpoint recording `plan` in progress for run `syncRunId`. */
export function inProgressCheckpoint(previous: AppointmentCheckpoint, syncRunId: string, plan: RunPlan): AppointmentCheckpoint {
  return {
    syncedUntil: previous.syncedUntil,
    runId: syncRunId,
    windowStart: plan.window.start.toISOString(),
    windowEnd: plan.window.end.toISOString(),
    chunkDays: plan.chunkDays,
    backlogStart: plan.backlog?.span.start.toISOString() ?? null,
    backlogEnd: plan.backlog?.span.end.toISOString() ?? null,
    backlogChunkDays: plan.backlog?.chunkDays ?? null,
    backlogFrom: previous.backlogFrom,
    chunksDone: [...plan.done].sort((a, b) => a - b),
    sweepAfter: previous.sweepAfter,
    missing: [...plan.missing],
  };
}
