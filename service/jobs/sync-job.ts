import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { silentLogger, type Logger } from '../logging/logger';
import { LeaseStore, type Database } from '../store';
import { abortableSleep } from './abortable-sleep';
import { SyncInterruptedError, SyncJobError } from './errors';
import { executeSyncRun, leaseName, type ExecutionDeps, type NamedSyncPhase, type SyncContextFactory } from './sync-execution';
import { SyncRunStore, type SyncRun, type SyncRunSource } from './sync-run-store';
import { isFinished } from './sync-run-state';
import { realTimers, type Timers } from './timers';
import { businessKey } from '../domain/business-key';

export interface SyncRequest {
  requestedBy: string;
  source: SyncRunSource;
}

export interface SyncRunnerOptions {
  db: Kysely<Database>;
  /** In order: services, customers, appointments, then any later ones (reconcile). */
  phases: readonly NamedSyncPhase[];
  createContext: SyncContextFactory;
  logger?: Logger;
  timers?: Timers;
  /** This runner's name in the lease table; unique per process. */
  holder?: string;
  /** A run whose heartbeat is older than this has died; also the lease's time to live. Default 60 s. */
  leaseTtlMs?: number;
  /** Default a quarter of leaseTtlMs. */
  heartbeatMs?: number;
  /** Default 500 ms. */
  progressIntervalMs?: number;
  /** How often a waiting caller re-reads the run. Default 250 ms. */
  pollMs?: number;
  /** How long a request waits for another process that holds the lease to show its run. Default 15 s. */
  joinTimeoutMs?: number;
  /** Attempts per phase when it fails with a transient HTTP error. Default 2. */
  phaseAttempts?: number;
  retryDelayMs?: number;
  /** Wraps each run's execution: the store's tuning for bulk writes (`AppStore.whileBulkWriting`). */
  whileRunning?: <T>(work: () => Promise<T>) => Promise<T>;
}

export interface WaitOptions {
  /** Called with each state read, e.g. to draw progress. */
  onUpdate?: (run: SyncRun) => void;
  signal?: AbortSignal;
}

interface ActiveRun {
  runId: string;
  controller: AbortController;
  done: Promise<void>;
}

/**
 * Sync runs as database-recorded jobs. One run per business at a time across processes: a caller
 * joins the run in progress, else takes the business's lease and starts (or resumes) one.
 */
export class SyncRunner {
  private readonly runs: SyncRunStore;
  private readonly leases: LeaseStore;
  private readonly timers: Timers;
  private readonly logger: Logger;
  private readonly deps: ExecutionDeps;
  private readonly pollMs: number;
  private readonly joinTimeoutMs: number;
  private readonly whileRunning: NonNullable<SyncRunnerOptions['whileRunning']>;
  private readonly active = new Map<string, ActiveRun>();
  private readonly requesting = new Map<string, Promise<string>>();
  private stopping = false;

  constructor(options: SyncRunnerOptions) {
    this.timers = options.timers ?? realTimers;
    this.logger = (options.logger ?? silentLogger).child({ component: 'sync-runner' });
    this.runs = new SyncRunStore(options.db);
    this.leases = new LeaseStore(options.db, () => this.timers.now());
    const leaseTtlMs = options.leaseTtlMs ?? 60_000;
    this.pollMs = options.pollMs ?? 250;
    this.joinTimeoutMs = options.joinTimeoutMs ?? 15_000;
    this.whileRunning = options.whileRunning ?? ((work) => work());
    this.deps = {
      runs: this.runs,
      leases: this.leases,
      phases: options.phases,
      createContext: options.createContext,
      timers: this.timers,
      logger: this.logger,
      holder: options.holder ?? `sync-runner:${randomUUID()}`,
      leaseTtlMs,
      heartbeatMs: options.heartbeatMs ?? Math.floor(leaseTtlMs / 4),
      progressIntervalMs: options.progressIntervalMs ?? 500,
      phaseAttempts: options.phaseAttempts ?? 2,
      retryDelayMs: options.retryDelayMs ?? 1_000,
    };
  }

  /** The id of the business's sync run: the one in progress (here or in another process), or a new or resumed one. */
  requestSync(businessId: string, request: SyncRequest): Promise<string> {
    const key = businessKey(businessId);
    // Callers in this process asking at once share one attempt.
    const pending = this.requesting.get(key);
    if (pending) return pending;
    const attempt = this.request(key, request).finally(() => this.requesting.delete(key));
    this.requesting.set(key, attempt);
    return attempt;
  }

  getRun(runId: string): Promise<SyncRun | undefined> {
    return this.runs.get(runId);
  }

  /** The business's latest runs, newest first. */
  recentRuns(businessId: string, limit = 10): Promise<SyncRun[]> {
    return this.runs.listRecent(businessKey(businessId), limit);
  }

  /**
   * Resolves with the run once it succeeded or failed. A run whose process died or stopped meanwhile
   * is resumed here. If this runner is stopping, resolves with the stopped run.
   */
  async waitFor(runId: string, options: WaitOptions = {}): Promise<SyncRun> {
    for (;;) {
      const run = await this.runs.get(runId);
      if (run === undefined) throw new SyncJobError('unknown-run', `No sync run ${runId}`);
      options.onUpdate?.(run);
      if (isFinished(run.state) || (this.stopping && run.state === 'stopped')) return run;
      options.signal?.throwIfAborted();
      const local = this.active.get(run.businessId);
      if (local?.runId !== runId && !this.stopping && (run.state === 'stopped' || !this.isFresh(run))) {
        await this.requestSync(run.businessId, { requestedBy: run.requestedBy ?? 'system', source: 'startup' });
      }
      await abortableSleep(this.timers, this.pollMs, options.signal);
    }
  }

  /** At start-up: resumes, with their own ids, the runs whose process died or stopped. */
  async resumeInterrupted(): Promise<string[]> {
    const resumed: string[] = [];
    for (const run of await this.runs.listUnfinished()) {
      if (run.state !== 'stopped' && this.isFresh(run)) continue;
      resumed.push(await this.requestSync(run.businessId, { requestedBy: run.requestedBy ?? 'system', source: 'startup' }));
    }
    return resumed;
  }

  /** Aborts the running phases; their runs are left stopped (resumable) and their leases freed. */
  async stop(): Promise<void> {
    this.stopping = true;
    const running = [...this.active.values()];
    for (const run of running) run.controller.abort(new SyncInterruptedError('process-stopping'));
    await Promise.all(running.map((run) => run.done));
  }

  private async request(businessId: string, request: SyncRequest): Promise<string> {
    const deadline = this.timers.now().getTime() + this.joinTimeoutMs;
    for (;;) {
      if (this.stopping) throw new SyncJobError('stopping', 'This process is stopping: no new sync runs');
      const local = this.active.get(businessId);
      if (local) return local.runId;
      const seen = await this.runs.findUnfinished(businessId);
      if (seen && seen.state !== 'stopped' && this.isFresh(seen)) return seen.id;
      if (await this.leases.tryAcquire(leaseName(businessId), this.deps.holder, this.deps.leaseTtlMs)) {
        const id = await this.startUnderLease(businessId, request);
        if (id !== undefined) return id;
      }
      // Another process holds the lease and is about to show its run, or just finished one.
      if (this.timers.now().getTime() >= deadline) {
        throw new SyncJobError('busy', `Another process holds the sync lease for ${businessId} but shows no run`);
      }
      await abortableSleep(this.timers, this.pollMs);
    }
  }

  /** With the lease held: resume the business's unfinished run or start a new one. */
  private async startUnderLease(businessId: string, request: SyncRequest): Promise<string | undefined> {
    const unfinished = await this.runs.findUnfinished(businessId);
    if (unfinished) {
      if (unfinished.state !== 'stopped' && this.isFresh(unfinished)) {
        // Its process still beats but lost the lease; it stops on its next beat and we take over then.
        await this.leases.release(leaseName(businessId), this.deps.holder);
        return unfinished.id;
      }
      this.logger.info({ syncRun: unfinished.id, business: businessId }, 'resuming interrupted sync run');
      this.launch(unfinished);
      return unfinished.id;
    }
    const id = randomUUID();
    const created = await this.runs.create({ id, businessId, requestedBy: request.requestedBy, source: request.source, now: this.timers.now() });
    if (!created) return undefined;
    const run = await this.runs.get(id);
    if (run === undefined) return undefined;
    this.logger.info({ syncRun: id, business: businessId, source: request.source }, 'sync run requested');
    this.launch(run);
    return id;
  }

  private launch(run: SyncRun): void {
    const controller = new AbortController();
    const done = this.whileRunning(() => executeSyncRun(this.deps, run, controller))
      .catch((err: unknown) => this.logger.error({ err, syncRun: run.id }, 'sync run could not record its end'))
      .finally(async () => {
        if (this.active.get(run.businessId)?.runId === run.id) this.active.delete(run.businessId);
        await this.leases.release(leaseName(run.businessId), this.deps.holder).catch(() => false);
      });
    this.active.set(run.businessId, { runId: run.id, controller, done });
  }

  private isFresh(run: SyncRun): boolean {
    return Date.parse(run.updatedAt) > this.timers.now().getTime() - this.deps.leaseTtlMs;
  }
}
