import { HttpError, type HttpErrorReason } from '../clients/http/http-error';
import type { Logger } from '../logging/logger';
import type { Transaction } from 'kysely';
import { LeaseLostError, type Database, type HeldLease, type LeaseStore } from '../store';
import type { SyncContext, SyncPhase, SyncPhaseName, SyncPhaseReport } from '../sync/sync-context';
import { abortableSleep } from './abortable-sleep';
import { SyncInterruptedError } from './errors';
import { syncErrorKind } from './sync-error';
import type { SyncRun, SyncRunStore } from './sync-run-store';
import { Throttle } from './throttle';
import type { TimerHandle, Timers } from './timers';

export interface NamedSyncPhase {
  name: SyncPhaseName;
  run: SyncPhase;
}

/** What the runner knows of a run; the factory adds the clients, the store and the setup. */
export type SyncRunBase = Pick<SyncContext, 'businessId' | 'syncRunId' | 'runStartedAt' | 'clock' | 'signal' | 'progress' | 'logger' | 'commit' | 'alongside'>;
export type SyncContextFactory = (base: SyncRunBase) => Promise<SyncContext>;

export interface ExecutionDeps {
  runs: SyncRunStore;
  leases: LeaseStore;
  phases: readonly NamedSyncPhase[];
  createContext: SyncContextFactory;
  timers: Timers;
  logger: Logger;
  holder: string;
  leaseTtlMs: number;
  heartbeatMs: number;
  progressIntervalMs: number;
  phaseAttempts: number;
  retryDelayMs: number;
}

const TRANSIENT: ReadonlySet<HttpErrorReason> = new Set(['throttled', 'unavailable', 'server', 'network', 'timeout']);
const isTransient = (err: unknown) => err instanceof HttpError && TRANSIENT.has(err.reason);

export const leaseName = (businessId: string) => `sync:${businessId}`;

/**
 * Runs one sync run to its end under the business's lease: the phases in order (a resumed run
 * restarts at the phase it was in), progress written at most every progressIntervalMs, a heartbeat
 * that renews the lease and the row. Aborting `controller` leaves the run stopped and resumable.
 */
export async function executeSyncRun(deps: ExecutionDeps, run: SyncRun, controller: AbortController): Promise<void> {
  const { runs, timers } = deps;
  const logger = deps.logger.child({ syncRun: run.id });
  // The token of the lease the caller took: every state the run commits as holder is fenced by it.
  const lease = await deps.leases.acquire(leaseName(run.businessId), deps.holder, deps.leaseTtlMs, timers.now());
  if (lease === undefined) {
    logger.info('sync lease is held elsewhere');
    return;
  }
  const asHolder = <T>(work: (trx: Transaction<Database>) => Promise<T>) => deps.leases.fenced(lease, work);
  const staleBefore = new Date(timers.now().getTime() - deps.leaseTtlMs);
  if (!(await asHolder((trx) => runs.start(run.id, timers.now(), staleBefore, trx)))) {
    logger.info('sync run is already being run elsewhere');
    return;
  }
  const stopHeartbeat = startHeartbeat(deps, run, lease, controller, logger);
  const progress = new Throttle<{ phase: SyncPhaseName; done: number; total: number }>(
    deps.progressIntervalMs,
    (p) => runs.writeProgress(run.id, p, timers.now()),
    timers,
    (err) => logger.warn({ err }, 'could not write sync progress'),
  );
  let current: NamedSyncPhase | undefined;
  // Work phases left going beside the later ones (SyncContext.alongside), in the order they began.
  const beside: Array<{ work: Promise<void>; then: () => Promise<void> }> = [];
  try {
    const context = await deps.createContext({
      businessId: run.businessId,
      syncRunId: run.id,
      runStartedAt: new Date(run.startedAt),
      clock: () => timers.now(),
      signal: controller.signal,
      progress: (update) => progress.push(update),
      logger,
      commit: asHolder,
      alongside: (work, then) => {
        // Observed at once: a failure is the run's, raised where the run waits for it.
        work.catch(() => undefined);
        beside.push({ work, then });
      },
    });
    const first = Math.max(
      0,
      deps.phases.findIndex((p) => p.name === run.phase),
    );
    if (deps.phases.length === 0) {
      await asHolder((trx) => runs.finish(run.id, 'succeeded', timers.now(), null, trx));
      return;
    }
    await asHolder((trx) => runs.enterPhase(run.id, deps.phases[first]!.name, timers.now(), trx));
    for (let i = first; i < deps.phases.length; i += 1) {
      current = deps.phases[i]!;
      controller.signal.throwIfAborted();
      logger.info({ phase: current.name }, 'sync phase started');
      const report = await runPhase(deps, current, context, logger);
      const next = deps.phases[i + 1]?.name ?? null;
      // The last phase is recorded done, and with it the run, once everything begun beside it is.
      if (next === null) for (const { work, then } of beside.splice(0)) await work.then(then);
      await progress.flush();
      if (!(await asHolder((trx) => runs.completePhase(run.id, report, next, timers.now(), trx)))) {
        throw controller.signal.aborted ? controller.signal.reason : new Error('the run was ended by someone else');
      }
      logger.info({ phase: current.name, ...report }, 'sync phase finished');
    }
  } catch (err) {
    // Nothing of the run goes on once it has ended.
    await Promise.allSettled(beside.map((b) => b.work));
    progress.cancel();
    await progress.flush();
    const reason: unknown = controller.signal.reason;
    const takenOver = () => logger.warn({ phase: current?.name }, 'sync run taken over by another process');
    try {
      if ((reason instanceof SyncInterruptedError && reason.why === 'lease-lost') || err instanceof LeaseLostError) {
        // The new holder owns the row now: writing a state here would undo its work.
        takenOver();
      } else if (controller.signal.aborted) {
        await asHolder((trx) => runs.finish(run.id, 'stopped', timers.now(), null, trx));
        logger.info({ phase: current?.name }, 'sync run stopped: it resumes later');
      } else {
        // The row keeps the kind (the faces say it in words); the request and stack go to the log only.
        const kind = syncErrorKind(err);
        await asHolder((trx) => runs.finish(run.id, 'failed', timers.now(), kind, trx));
        logger.warn({ err, phase: current?.name, kind }, 'sync run failed');
      }
    } catch (finishErr) {
      // The lease went elsewhere while this run ended: its state is the new holder's to write.
      if (!(finishErr instanceof LeaseLostError)) throw finishErr;
      takenOver();
    }
  } finally {
    stopHeartbeat();
  }
}

async function runPhase(deps: ExecutionDeps, phase: NamedSyncPhase, context: SyncContext, logger: Logger): Promise<SyncPhaseReport> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await phase.run(context);
    } catch (err) {
      if (context.signal.aborted || attempt >= deps.phaseAttempts || !isTransient(err)) throw err;
      // A phase resumes from its own checkpoint, so a retry repeats only the unfinished batch.
      logger.warn({ err, phase: phase.name, attempt }, 'sync phase failed; retrying');
      await abortableSleep(deps.timers, deps.retryDelayMs * attempt, context.signal);
    }
  }
}

function startHeartbeat(deps: ExecutionDeps, run: SyncRun, lease: HeldLease, controller: AbortController, logger: Logger): () => void {
  let handle: TimerHandle | undefined;
  let stopped = false;
  const beat = async () => {
    try {
      const renewed = await deps.leases.acquire(leaseName(run.businessId), deps.holder, deps.leaseTtlMs, deps.timers.now());
      // A new token means the lease expired in between: another process may have run meanwhile.
      if (renewed?.token !== lease.token) {
        controller.abort(new SyncInterruptedError('lease-lost'));
        return;
      }
      await deps.leases.fenced(lease, (trx) => deps.runs.heartbeat(run.id, deps.timers.now(), trx));
    } catch (err) {
      if (err instanceof LeaseLostError) {
        controller.abort(new SyncInterruptedError('lease-lost'));
        return;
      }
      logger.warn({ err }, 'sync heartbeat failed');
    }
    if (!stopped) handle = deps.timers.setTimeout(() => void beat(), deps.heartbeatMs);
  };
  handle = deps.timers.setTimeout(() => void beat(), deps.heartbeatMs);
  return () => {
    stopped = true;
    if (handle !== undefined) deps.timers.clearTimeout(handle);
  };
}
