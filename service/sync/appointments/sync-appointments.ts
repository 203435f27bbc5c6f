import { businessCurrency } from '../business-currency';
import { APPOINTMENT_TABLES, refreshStatistics } from '../../store/refresh-statistics';
import { restoreDeferredIndexes } from '../../store/deferred-indexes';
import { emptyReport, type SyncContext, type SyncPhase, type SyncPhaseReport } from '../sync-context';
import { emptyCheckpoint, readAppointmentCheckpoint, writeAppointmentCheckpoint, type AppointmentCheckpoint } from './appointment-checkpoint';
import { AppointmentRepository } from '../../appointments/appointment-repository';
import { commitChunks, writeFetched, type FetchedSpan } from './commit-chunk';
import { readUnbilledSlice } from './unbilled-sweep';
import { fetchChunk, type FetchedChunk } from './fetch-chunk';
import type { Chunk } from './sync-window';
import { inProgressCheckpoint, newPlan, nextBacklogFrom, resumedPlan, type RunPlan } from './run-plan';
import { backlogSlice } from './backlog-slice';
import { appointmentWindow, calendarFloor } from './sync-window';
import { SerialQueue } from './serial-queue';

export interface AppointmentSyncOptions {
  /** Days per chunk: one calendarView read and one transaction each. Default 7. */
  chunkDays?: number;
  /** Chunks read at once; the client's limiter keeps Graph at 4 requests per mailbox anyway. Default 4. */
  concurrency?: number;
  /**
   * Stored appointments' worth of the older unbilled span re-read by calendar per run, besides the recent
   * window (`backlog-slice.ts`). Default 4,000: 40 pages, 10 round trips per reader.
   */
  backlogPerRun?: number;
  /**
   * Unbilled appointments older than the look-back re-read by id per run (`unbilled-sweep.ts`). Default
   * 40: 10 round trips of 4, about a quarter of a second at Graph's usual latency.
   */
  sweepPerRun?: number;
}

interface ReadState {
  plan: RunPlan;
  stored: AppointmentCheckpoint;
  currency: string;
  concurrency: number;
  report: SyncPhaseReport;
  progress: () => void;
}

/** A run's recent window, and the slice of the older unbilled span it re-reads too. */
async function planNewRun(
  ctx: SyncContext,
  stored: AppointmentCheckpoint,
  options: { floor: Date; chunkDays: number; readers: number; backlogPerRun: number },
): Promise<RunPlan> {
  const window = appointmentWindow({
    runStartedAt: ctx.runStartedAt,
    syncedUntil: stored.syncedUntil === null ? null : new Date(stored.syncedUntil),
    lookBackDays: ctx.setup.lookBackDays,
    overlapDays: ctx.setup.overlapDays,
  });
  const backlog = await backlogSlice(ctx, { window, floor: options.floor, from: stored.backlogFrom, perRun: options.backlogPerRun });
  return newPlan({ window, backlog, chunkDays: options.chunkDays, readers: options.readers });
}

/**
 * Reads the plan's pending chunks concurrently and commits them one commit at a time, in whatever
 * order they arrive: every chunk read while the last commit ran goes into the next one
 * (`commitChunks`). A reader goes on to its next chunk while its last one waits or commits (at most
 * one per reader, so memory stays bounded): Graph's round trips overlap the database's work. Stops
 * between commits on abort or after the first failure; nothing fetched is committed after that, so a
 * resumed run reads it again. Returns only once every queued commit has settled.
 */
async function readChunks(ctx: SyncContext, state: ReadState): Promise<void> {
  const { plan, report } = state;
  const pending = plan.chunks.filter((c) => !plan.done.has(c.index));
  const writer = new SerialQueue();
  const waiting: FetchedSpan[] = [];
  let failure: { error: unknown } | undefined;
  const stopped = () => failure !== undefined || ctx.signal.aborted;
  const fail = (error: unknown) => {
    failure ??= { error };
  };
  let next = 0;

  // Settles once `chunk` is committed: by this call's turn of the writer, or by an earlier turn that took it with its own.
  const commit = (chunk: Chunk, fetched: FetchedChunk) => {
    waiting.push({ chunk, fetched });
    return writer.run(async () => {
      const chunks = waiting.splice(0);
      if (chunks.length === 0 || stopped()) return;
      const counts = await commitChunks(ctx, { chunks, currency: state.currency, plan, stored: state.stored });
      for (const c of chunks) plan.done.add(c.chunk.index);
      report.added += counts.added;
      report.updated += counts.updated;
      report.unchanged += counts.unchanged;
      report.rejected += counts.rejected;
      for (const id of counts.missing) plan.missing.add(id);
      state.progress();
    });
  };

  const worker = async () => {
    // Never rejects: a failed commit is recorded before the next queued one runs, so that one does not commit.
    let committing: Promise<void> = Promise.resolve();
    try {
      for (let chunk = pending[next++]; chunk !== undefined && !stopped(); chunk = pending[next++]) {
        const fetched = await fetchChunk(ctx.bookings, ctx.setup.businessId, chunk);
        await committing;
        committing = commit(chunk, fetched).catch(fail);
      }
    } finally {
      await committing;
    }
  };
  await Promise.all(Array.from({ length: Math.min(state.concurrency, pending.length) }, () => worker().catch(fail)));
  if (failure !== undefined) throw failure.error;
  ctx.signal.throwIfAborted();
}

/**
 * The appointment phase: reads the run's recent window and its slice of the older unbilled span from Bookings in chunks, writes each chunk in a
 * transaction (shared by the chunks read meanwhile) together with its checkpoint (which keeps the ids missing from the chunk's span),
 * alongside re-reads a slice of the older unbilled appointments by id, and settles what vanished from
 * the window or answered 404 together with the finished checkpoint. A killed or aborted run resumed with the same run id skips the committed chunks (and
 * reads its slice again: reads repeat harmlessly).
 */
export function createAppointmentSync(options: AppointmentSyncOptions = {}): SyncPhase {
  const chunkDays = options.chunkDays ?? 7;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const sweepPerRun = Math.max(0, options.sweepPerRun ?? 40);
  const backlogPerRun = Math.max(0, options.backlogPerRun ?? 4000);

  return async (ctx) => {
    const logger = ctx.logger.child({ phase: 'appointments', syncRunId: ctx.syncRunId });
    ctx.signal.throwIfAborted();
    const currency = await businessCurrency(ctx);
    const stored = await readAppointmentCheckpoint(ctx.db, ctx.businessId);
    const floor = calendarFloor({ runStartedAt: ctx.runStartedAt, lookBackDays: ctx.setup.lookBackDays, overlapDays: ctx.setup.overlapDays });
    const plan = resumedPlan(stored, ctx.syncRunId) ?? (await planNewRun(ctx, stored, { floor, chunkDays, readers: concurrency, backlogPerRun }));
    logger.info(
      { window: plan.window, backlog: plan.backlog?.span ?? null, chunks: plan.chunks.length, resumed: plan.resumed, done: plan.done.size },
      'appointment sync started',
    );
    if (!plan.resumed)
      await ctx.commit((trx) => writeAppointmentCheckpoint(trx, ctx.businessId, inProgressCheckpoint(stored, ctx.syncRunId, plan), ctx.clock()));

    const report = emptyReport();
    const progress = () => ctx.progress({ phase: 'appointments', done: plan.done.size, total: plan.chunks.length });
    progress();
    // Read alongside the window (the mailbox's limiter shares out Graph's 4 slots): its rows start before the calendar floor, so no chunk commit touches them.
    const sweeping = readUnbilledSlice(ctx, { before: floor, sweepAfter: stored.sweepAfter, limit: sweepPerRun });
    // Its failure is taken up below, once the window is read; until then it must not count as unhandled.
    sweeping.catch(() => undefined);
    // Settled before leaving on a failure: a read left running would outlive the phase.
    const swept = await readChunks(ctx, { plan, stored, currency, concurrency, report, progress }).then(
      () => sweeping,
      async (error: unknown) => {
        await sweeping.catch(() => undefined);
        throw error;
      },
    );

    const vanished = await ctx.commit(async (trx) => {
      const now = ctx.clock();
      const written = await writeFetched(trx, ctx, { fetched: swept.fetched, currency, now });
      const repository = new AppointmentRepository(trx);
      const gone = await repository.markGone({ ids: swept.gone, now });
      const counts = await repository.markVanished({ ids: [...plan.missing], syncRunId: ctx.syncRunId, now });
      const finished: AppointmentCheckpoint = {
        ...emptyCheckpoint(),
        syncedUntil: ctx.runStartedAt.toISOString(),
        backlogFrom: nextBacklogFrom(plan),
        sweepAfter: swept.sweepAfter,
      };
      await writeAppointmentCheckpoint(trx, ctx.businessId, finished, now);
      return { written, cancelled: counts.cancelled + gone.cancelled, flagged: counts.flagged + gone.flagged };
    });
    report.added += vanished.written.added;
    report.updated += vanished.written.updated;
    report.unchanged += vanished.written.unchanged;
    report.rejected += vanished.written.rejected;
    report.removed += vanished.cancelled + vanished.flagged;
    // A first sync into an empty SQLite store ends with the list's indexes it deferred built, before it says it is done.
    await restoreDeferredIndexes(ctx.db, logger);
    await refreshStatistics(ctx.db, APPOINTMENT_TABLES, report.added + report.updated, logger);
    logger.info({ ...report, flagged: vanished.flagged }, 'appointment sync finished');
    return report;
  };
}

/** The appointment phase with its default chunking. */
export const syncAppointments: SyncPhase = createAppointmentSync();
