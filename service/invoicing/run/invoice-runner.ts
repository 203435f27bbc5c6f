import { systemClock } from '../../domain/clock';
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';

import { readStaffNames } from '../../catalog/catalog';
import { NoCompanyError, type BusinessCentralClient } from '../../clients/business-central/business-central-client';
import type { BookingsClient } from '../../clients/graph/bookings-client';
import { silentLogger, type Logger } from '../../logging/logger';
import { resolveCompanyId } from '../../setup/company';
import type { Setup } from '../../setup/setup-schema';
import type { Database } from '../../store/database';
import { LeaseLostError, LeaseStore, type HeldLease } from '../../store/leases';
import { isUniqueViolation } from '../../store/errors';
import { unbilledFilterSchema } from '../../unbilled/unbilled-schemas';
import { InvalidRunRequestError, RunStoppedError } from './errors';
import { executeRun, finish } from './execute-run';
import { giveUp } from './give-up';
import { runErrorKind } from './run-error';
import { SimulatedCrash, type FailAtHook, type FailPoint } from './fail-points';
import type { InvoiceLinks } from './invoice-links';
import { DEFAULT_LOST_ANSWER_WAIT, type LostAnswerWait } from './lost-answer-wait';
import { planInvoices } from './plan-invoices';
import { previewOf } from './preview';
import { countsOf, type RunCounts } from './run-counts';
import { resolveSelectionIds } from './resolve-ids';
import type { RunContext } from './run-context';
import {
  actorSchema,
  parseRunOptions,
  runSourceSchema,
  selectionSchema,
  type RunOptions,
  type RunOptionsInput,
  type Preview,
  type RunResult,
  type RunSummary,
  type RunSource,
  type Selection,
} from './run-schemas';
import { RunStore } from './run-store';
import { readRun, readRunSummary } from './run-view';
import { isFailedInvoice } from './invoice-error-words';
import { businessKey } from '../../domain/business-key';

export interface InvoiceRunnerOptions {
  db: Kysely<Database>;
  bookings: BookingsClient;
  /** The process's client; the runner binds it to the company `resolveCompanyId` picks. */
  bc: BusinessCentralClient;
  /** BC_COMPANY_ID: the company when the setup names none. */
  configuredCompanyId?: string | undefined;
  /** The Bookings business id (as Graph spells it). */
  businessId: string;
  /** The setup in force (the app's currentSetup; a fixed one in tests). */
  setup: () => Setup | Promise<Setup>;
  links: InvoiceLinks;
  logger?: Logger;
  clock?: () => Date;
  /** Test hook: throwing from it kills the run at that point, as a dead process would. */
  failAt?: FailAtHook;
  /** This runner's name on the runs it executes; unique per process. */
  holder?: string;
  /** How often a running run renews its lease (and shows it is alive). Default 10 s. */
  heartbeatMs?: number;
  /**
   * How long a run's lease lasts past its last renewal: a run whose holder has not renewed it for
   * this long belongs to a dead process and is taken over. The same in every process. Default 30 s (3 missed heartbeats).
   */
  staleAfterMs?: number;
  /** How long a create whose answer was lost is watched before anything is sent again. */
  lostAnswerWait?: LostAnswerWait;
  /** Test hook: the run's chunk size (see RunContext), so a small run spans several chunks. */
  chunkSize?: number;
}

/** Heartbeats every 10 s; three missed ones mean the holder is gone. */
/** A run id chosen beforehand (a schedule tick's) is already another run's, here or in another process. */
class RunIdTakenError extends Error {
  constructor(runId: string) {
    super(`Invoice run ${runId} exists already`);
  }
}

export const DEFAULT_STALE_AFTER_MS = 30_000;
/** How often a live process looks for runs whose holder is gone: such a run continues within 45 s. */
export const DEFAULT_WATCH_MS = 15_000;

/**
 * Each run is held under a lease of its own: taking a run over takes its lease, which raises the
 * fencing token, so a holder that stalled past its lease can no longer commit as the run's holder.
 */
const runLease = (runId: string) => `invoice-run:${runId}`;

/**
 * The one way every face (tab, bot, CLI, schedule) creates invoices: plan → claim → ensure
 * customers → create → verify → record, as a job recorded in `invoice_runs` with its progress.
 */
export class InvoiceRunner {
  private readonly runs: RunStore;
  private readonly leases: LeaseStore;
  private readonly logger: Logger;
  private readonly clock: () => Date;
  private readonly holder: string;
  private readonly active = new Map<string, Promise<void>>();
  private watch: NodeJS.Timeout | undefined;

  constructor(private readonly options: InvoiceRunnerOptions) {
    this.runs = new RunStore(options.db);
    this.logger = (options.logger ?? silentLogger).child({ component: 'invoice-runner' });
    this.clock = options.clock ?? systemClock;
    this.holder = options.holder ?? `invoice-runner:${randomUUID()}`;
    this.leases = new LeaseStore(options.db, this.clock);
  }

  private get leaseTtlMs(): number {
    return this.options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  }

  /** The plan only (the dry run): invoices with customer, lines and totals, and what is skipped and why. Nothing is claimed or sent. */
  async preview(selectionInput: unknown, actorInput: unknown): Promise<Preview> {
    const { selection } = this.validate(selectionInput, actorInput, 'tab');
    const setup = await this.setup();
    const businessId = businessKey(setup.businessId);
    const now = this.clock();
    const ids = await resolveSelectionIds(this.options.db, selection, { businessId, now, setup });
    const plan = await planInvoices({ db: this.options.db, setup, businessId, now, ids });
    const staffNames = plan.groups.length === 0 ? new Map<string, string>() : await readStaffNames(this.options.bookings, setup.businessId);
    return previewOf(plan, staffNames, setup.dailySummary.timeZone, setup.afterCreate);
  }

  /** What a run over this selection would make, counted apart (appointments → invoices, customers): the plan only, nothing read from Bookings. */
  async counts(selectionInput: unknown): Promise<RunCounts> {
    // Only the selection is checked: nothing is started, so no one is recorded as asking.
    const { selection } = this.validate(selectionInput, 'system', 'bot');
    const setup = await this.setup();
    const businessId = businessKey(setup.businessId);
    const now = this.clock();
    const ids = await resolveSelectionIds(this.options.db, selection, { businessId, now, setup });
    const plan = await planInvoices({ db: this.options.db, setup, businessId, now, ids });
    return countsOf(plan.groups);
  }

  /**
   * Starts a run in the background and returns its id at once. `options.afterCreate` overrides the
   * setup's choice for this run (an invoicer's choice: faces check the role before passing it).
   */
  async start(selectionInput: unknown, actorInput: unknown, sourceInput: unknown, options: RunOptionsInput = {}): Promise<string> {
    return this.begin(this.validate(selectionInput, actorInput, sourceInput), null, parseRunOptions(options));
  }

  /**
   * Starts a run under an id chosen beforehand (a schedule tick records it first): false, and
   * nothing started, when a run with that id exists already, so a tick never starts two.
   */
  async startAs(runId: string, selectionInput: unknown, actorInput: unknown, sourceInput: unknown): Promise<boolean> {
    try {
      await this.begin(this.validate(selectionInput, actorInput, sourceInput), null, {}, runId);
      return true;
    } catch (err) {
      if (err instanceof RunIdTakenError || isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /** Runs to the end and returns the result (a run stopped beyond the retry bounds returns unfinished, with its error). */
  async run(selectionInput: unknown, actorInput: unknown, sourceInput: unknown, options: RunOptionsInput = {}): Promise<RunResult> {
    const runId = await this.start(selectionInput, actorInput, sourceInput, options);
    return this.wait(runId);
  }

  /** Waits for a run this runner executes, then reads it. Rejects when the run was killed (a fail point). */
  async wait(runId: string): Promise<RunResult> {
    await this.ended(runId);
    return this.getRun(runId);
  }

  /**
   * Waits for a run this runner executes, without reading it: for a caller that only needs to know it
   * ended (the API's gate on concurrent runs), as reading every invoice of a run of thousands at its end
   * was a heap spike of tens of MB for an answer nobody looked at. Rejects when the run was killed.
   */
  async ended(runId: string): Promise<void> {
    await this.active.get(runId);
  }

  getRun(runId: string): Promise<RunResult> {
    return readRun(this.options.db, runId);
  }

  /** The run without its invoices: what a watcher polls. */
  getRunSummary(runId: string): Promise<RunSummary> {
    return readRunSummary(this.options.db, runId);
  }

  /** A new run over the appointments of the run's failed invoices (released back to unbilled). */
  async retryFailed(runId: string, actorInput: unknown, sourceInput: unknown): Promise<string> {
    const run = await this.getRun(runId);
    const failed = run.invoices.filter(isFailedInvoice);
    const ids = [...new Set(failed.flatMap((i) => i.appointmentIds))];
    if (ids.length === 0)
      throw new InvalidRunRequestError([{ code: 'custom', path: ['runId'], message: 'The run has no failed invoice to retry', input: runId }]);
    return this.begin(this.validate({ kind: 'ids', appointmentIds: ids }, actorInput, sourceInput), runId, {});
  }

  /** On start-up: every unfinished run of the business that nobody alive holds is resumed (same id); resolves when they end. */
  async resumeInterrupted(): Promise<RunResult[]> {
    const resumed = await this.takeOverInterrupted();
    const results: RunResult[] = [];
    for (const id of resumed) results.push(await this.wait(id));
    return results;
  }

  /**
   * While the process lives: every `intervalMs` it takes over runs whose holder is gone (a killed
   * CLI, a crashed process: lease not renewed for staleAfterMs), so no run waits for a restart.
   */
  watchInterrupted(intervalMs = DEFAULT_WATCH_MS): void {
    if (this.watch !== undefined) return;
    this.watch = setInterval(() => {
      this.takeOverInterrupted().catch((err: unknown) => this.logger.warn({ err }, 'looking for interrupted invoice runs failed'));
    }, intervalMs);
    this.watch.unref();
  }

  stopWatching(): void {
    clearInterval(this.watch);
    this.watch = undefined;
  }

  /**
   * One look of the watch: takes over and starts the unfinished runs of the business nobody alive
   * holds; answers their ids. Public so a test can take the look the interval would.
   */
  async takeOverInterrupted(): Promise<string[]> {
    const setup = await this.setup();
    const now = this.clock();
    const candidates = await this.runs.unfinished(businessKey(setup.businessId));
    const resumed: string[] = [];
    for (const run of candidates) {
      if (this.active.has(run.id)) continue;
      // A lease still running means its holder is alive; an expired (or released) one is taken, under a new token.
      const lease = await this.leases.acquire(runLease(run.id), this.holder, this.leaseTtlMs, now);
      if (lease === undefined) continue;
      if (!(await this.asHolderOrLost(lease, (trx) => this.runs.takeOver(run.id, this.holder, now, trx)))) {
        await this.leases.release(lease.name, this.holder);
        continue;
      }
      this.logger.info({ runId: run.id, state: run.state }, 'resuming an interrupted invoice run');
      this.launch(run.id, selectionSchema.parse(JSON.parse(run.selection)), lease);
      resumed.push(run.id);
    }
    return resumed;
  }

  /** Resolves when every run this runner executes has ended or stopped. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.active.values()]);
  }

  private validate(selectionInput: unknown, actorInput: unknown, sourceInput: unknown): { selection: Selection; actor: string; source: RunSource } {
    const selection = selectionSchema.safeParse(selectionInput);
    const actor = actorSchema.safeParse(actorInput);
    const source = runSourceSchema.safeParse(sourceInput);
    const issues = [
      ...(selection.error?.issues.map((i) => ({ ...i, path: ['selection', ...i.path] })) ?? []),
      ...(actor.error?.issues.map((i) => ({ ...i, path: ['actor', ...i.path] })) ?? []),
      ...(source.error?.issues.map((i) => ({ ...i, path: ['source', ...i.path] })) ?? []),
    ];
    if (!selection.success || !actor.success || !source.success) throw new InvalidRunRequestError(issues);
    if (selection.data.kind === 'filter') {
      const { kind: _kind, ...criteria } = selection.data;
      const filter = unbilledFilterSchema.safeParse({ ...criteria, businessId: 'check' });
      if (!filter.success) throw new InvalidRunRequestError(filter.error.issues);
    }
    return { selection: selection.data, actor: actor.data, source: source.data };
  }

  private async begin(
    request: { selection: Selection; actor: string; source: RunSource },
    retryOf: string | null,
    options: RunOptions,
    runId: string = randomUUID(),
  ): Promise<string> {
    const setup = await this.setup();
    // Held before the row exists, so no other process's watch can take the new run for an interrupted one.
    const lease = await this.leases.acquire(runLease(runId), this.holder, this.leaseTtlMs);
    if (lease === undefined) throw new RunIdTakenError(runId);
    try {
      await this.runs.insert({
        id: runId,
        businessId: businessKey(setup.businessId),
        requestedBy: request.actor,
        source: request.source,
        selection: request.selection,
        retryOf,
        holder: this.holder,
        now: this.clock(),
        afterCreate: options.afterCreate ?? setup.afterCreate,
      });
    } catch (err) {
      await this.leases.release(lease.name, this.holder);
      throw err;
    }
    this.launch(runId, request.selection, lease);
    return runId;
  }

  private launch(runId: string, selection: Selection, lease: HeldLease): void {
    const done = this.execute(runId, selection, lease);
    // Callers of wait() see the outcome; nobody else must get an unhandled rejection.
    done.catch(() => undefined);
    this.active.set(runId, done);
    void done.finally(() => this.active.delete(runId)).catch(() => undefined);
  }

  private async execute(runId: string, selection: Selection, lease: HeldLease): Promise<void> {
    const logger = this.logger.child({ runId });
    const heartbeat = setInterval(() => {
      this.beat(runId, lease, logger).catch((err: unknown) => logger.warn({ err }, 'heartbeat failed'));
    }, this.options.heartbeatMs ?? 10_000);
    heartbeat.unref();
    let ctx: RunContext | undefined;
    try {
      ctx = await this.context(runId, logger, lease);
      await executeRun(ctx, { runs: this.runs, links: this.options.links, companyId: ctx.setup.companyId!, selection });
    } catch (err) {
      // A dead process keeps its lease until it expires; the test hook plays one.
      if (err instanceof SimulatedCrash) throw err;
      if (err instanceof LeaseLostError) logger.warn('invoice run taken over by another process: this one stops');
      else await this.end(runId, ctx, err, logger, lease);
    } finally {
      clearInterval(heartbeat);
    }
    // Ended, stopped (to be resumed at once) or taken over (then the lease is another's, and this changes nothing).
    await this.leases.release(lease.name, this.holder).catch((err: unknown) => logger.warn({ err }, 'could not release the run lease'));
  }

  /**
   * Renews the run's lease; a new token (or none) means it ran out and another process may hold the
   * run now: nothing more is written here, and the run's next commit as holder is refused.
   */
  private async beat(runId: string, lease: HeldLease, logger: Logger): Promise<void> {
    const renewed = await this.leases.acquire(lease.name, this.holder, this.leaseTtlMs);
    if (renewed?.token !== lease.token) {
      logger.warn('the invoice run lease ran out: another process may hold the run');
      return;
    }
    await this.asHolderOrLost(lease, (trx) => this.runs.heartbeat(runId, this.holder, this.clock(), trx));
  }

  /** `work` fenced by `lease`; false when the lease went to another process (nothing written). */
  private async asHolderOrLost(lease: HeldLease, work: (trx: Transaction<Database>) => Promise<boolean | void>): Promise<boolean> {
    try {
      return (await this.leases.fenced(lease, work)) !== false;
    } catch (err) {
      if (err instanceof LeaseLostError) return false;
      throw err;
    }
  }

  /**
   * A run that gave up ends at once, failed or partial, its appointments released (give-up). Only
   * when that is impossible (the database itself failing) or when Business Central may still be
   * creating its drafts does it stop unfinished, to be resumed.
   */
  private async end(runId: string, ctx: RunContext | undefined, err: unknown, logger: Logger, lease: HeldLease): Promise<void> {
    // The request, its URL and the cause go to the log; the run keeps only the kind, which faces put in words.
    const message = err instanceof Error ? err.message : String(err);
    const kind = runErrorKind(err);
    if (ctx !== undefined && !(err instanceof RunStoppedError && err.fateUnknown)) {
      try {
        await giveUp(ctx, { links: this.options.links, companyId: ctx.setup.companyId! });
        await finish(ctx, this.runs, kind);
        logger.warn({ err: message, kind }, 'invoice run gave up; what was not created is back in the list');
        return;
      } catch (endError) {
        if (endError instanceof LeaseLostError) {
          logger.warn('invoice run taken over by another process while it gave up: this one stops');
          return;
        }
        logger.error({ err: endError instanceof Error ? endError.message : String(endError) }, 'could not end the run; it resumes later');
      }
    }
    logger.warn({ err: message, kind }, 'invoice run stopped; it resumes later');
    await this.asHolderOrLost(lease, (trx) => this.runs.stop(runId, this.holder, kind, this.clock(), trx));
  }

  private async context(runId: string, logger: Logger, lease: HeldLease): Promise<RunContext> {
    const stored = await this.setup();
    const companyId = await resolveCompanyId(stored, { configuredCompanyId: this.options.configuredCompanyId, bc: this.options.bc, logger });
    if (companyId === null) throw new NoCompanyError();
    const setup: Setup = { ...stored, companyId };
    const hook = this.options.failAt;
    return {
      db: this.options.db,
      bookings: this.options.bookings,
      bc: this.options.bc.forCompany(companyId),
      setup,
      businessId: businessKey(setup.businessId),
      runId,
      logger,
      now: this.clock,
      lostAnswerWait: this.options.lostAnswerWait ?? DEFAULT_LOST_ANSWER_WAIT,
      ...(this.options.chunkSize === undefined ? {} : { chunkSize: this.options.chunkSize }),
      asHolder: (work) => this.leases.fenced(lease, work),
      failAt: async (point: FailPoint) => {
        if (hook === undefined) return;
        try {
          await hook(point, runId);
        } catch (err) {
          throw new SimulatedCrash(point, err);
        }
      },
    };
  }

  private async setup(): Promise<Setup> {
    return this.options.setup();
  }
}
