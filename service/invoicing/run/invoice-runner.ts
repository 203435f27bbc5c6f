import { systemClock } from '../../domain/clock';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

import { readStaffNames } from '../../catalog/catalog';
import type { BusinessCentralClient } from '../../clients/business-central/business-central-client';
import type { BookingsClient } from '../../clients/graph/bookings-client';
import { silentLogger, type Logger } from '../../logging/logger';
import type { Setup } from '../../setup/setup-schema';
import type { Database } from '../../store/database';
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
import { actorSchema, runSourceSchema, selectionSchema, type Preview, type RunResult, type RunSource, type Selection } from './run-schemas';
import { RunStore } from './run-store';
import { readRun } from './run-view';

export interface InvoiceRunnerOptions {
  db: Kysely<Database>;
  bookings: BookingsClient;
  /** The process's client; the runner binds it to the setup's company. */
  bc: BusinessCentralClient;
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
  /** How often a running run shows it is alive. Default 10 s. */
  heartbeatMs?: number;
  /** A run whose heartbeat is older than this belongs to a dead process and is taken over. Default 30 s (3 missed heartbeats). */
  staleAfterMs?: number;
  /** How long a create whose answer was lost is watched before anything is sent again. */
  lostAnswerWait?: LostAnswerWait;
}

/** Heartbeats every 10 s; three missed ones mean the holder is gone. */
export const DEFAULT_STALE_AFTER_MS = 30_000;
/** How often a live process looks for runs whose holder is gone: such a run continues within 45 s. */
export const DEFAULT_WATCH_MS = 15_000;

/**
 * The one way every face (tab, bot, CLI, schedule) creates invoices: plan → claim → ensure
 * customers → create → verify → record, as a job recorded in `invoice_runs` with its progress.
 */
export class InvoiceRunner {
  private readonly runs: RunStore;
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
  }

  /** The plan only (the dry run): invoices with customer, lines and totals, and what is skipped and why. Nothing is claimed or sent. */
  async preview(selectionInput: unknown, actorInput: unknown): Promise<Preview> {
    const { selection } = this.validate(selectionInput, actorInput, 'tab');
    const setup = await this.setup();
    const businessId = setup.businessId.toLowerCase();
    const now = this.clock();
    const ids = await resolveSelectionIds(this.options.db, selection, { businessId, now, setup });
    const plan = await planInvoices({ db: this.options.db, setup, businessId, now, ids });
    const staffNames = plan.groups.length === 0 ? new Map<string, string>() : await readStaffNames(this.options.bookings, setup.businessId);
    return previewOf(plan, staffNames, setup.dailySummary.timeZone);
  }

  /** What a run over this selection would make, counted apart (appointments → invoices, customers): the plan only, nothing read from Bookings. */
  async counts(selectionInput: unknown): Promise<RunCounts> {
    // Only the selection is checked: nothing is started, so no one is recorded as asking.
    const { selection } = this.validate(selectionInput, 'system', 'bot');
    const setup = await this.setup();
    const businessId = setup.businessId.toLowerCase();
    const now = this.clock();
    const ids = await resolveSelectionIds(this.options.db, selection, { businessId, now, setup });
    const plan = await planInvoices({ db: this.options.db, setup, businessId, now, ids });
    return countsOf(plan.groups);
  }

  /** Starts a run in the background and returns its id at once. */
  async start(selectionInput: unknown, actorInput: unknown, sourceInput: unknown): Promise<string> {
    return this.begin(this.validate(selectionInput, actorInput, sourceInput), null);
  }

  /** Runs to the end and returns the result (a run stopped beyond the retry bounds returns unfinished, with its error). */
  async run(selectionInput: unknown, actorInput: unknown, sourceInput: unknown): Promise<RunResult> {
    const runId = await this.start(selectionInput, actorInput, sourceInput);
    return this.wait(runId);
  }

  /** Waits for a run this runner executes, then reads it. Rejects when the run was killed (a fail point). */
  async wait(runId: string): Promise<RunResult> {
    await this.active.get(runId);
    return this.getRun(runId);
  }

  getRun(runId: string): Promise<RunResult> {
    return readRun(this.options.db, runId);
  }

  /** A new run over the appointments of the run's failed invoices (released back to unbilled). */
  async retryFailed(runId: string, actorInput: unknown, sourceInput: unknown): Promise<string> {
    const run = await this.getRun(runId);
    const failed = run.invoices.filter((i) => i.status === 'failed' || i.status === 'deleted');
    const ids = [...new Set(failed.flatMap((i) => i.appointmentIds))];
    if (ids.length === 0) throw new InvalidRunRequestError([{ code: 'custom', path: ['runId'], message: 'The run has no failed invoice to retry', input: runId }]);
    return this.begin(this.validate({ kind: 'ids', appointmentIds: ids }, actorInput, sourceInput), runId);
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
   * CLI, a crashed process: heartbeat older than staleAfterMs), so no run waits for a restart.
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
    const staleBefore = new Date(now.getTime() - (this.options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS));
    const candidates = await this.runs.unfinished(setup.businessId.toLowerCase());
    const resumed: string[] = [];
    for (const run of candidates) {
      if (this.active.has(run.id)) continue;
      if (!(await this.runs.takeOver(run.id, this.holder, staleBefore, now))) continue;
      this.logger.info({ runId: run.id, state: run.state }, 'resuming an interrupted invoice run');
      this.launch(run.id, selectionSchema.parse(JSON.parse(run.selection)));
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

  private async begin(request: { selection: Selection; actor: string; source: RunSource }, retryOf: string | null): Promise<string> {
    const setup = await this.setup();
    const runId = randomUUID();
    await this.runs.insert({
      id: runId,
      businessId: setup.businessId.toLowerCase(),
      requestedBy: request.actor,
      source: request.source,
      selection: request.selection,
      retryOf,
      holder: this.holder,
      now: this.clock(),
    });
    this.launch(runId, request.selection);
    return runId;
  }

  private launch(runId: string, selection: Selection): void {
    const done = this.execute(runId, selection);
    // Callers of wait() see the outcome; nobody else must get an unhandled rejection.
    done.catch(() => undefined);
    this.active.set(runId, done);
    void done.finally(() => this.active.delete(runId)).catch(() => undefined);
  }

  private async execute(runId: string, selection: Selection): Promise<void> {
    const logger = this.logger.child({ runId });
    const heartbeat = setInterval(() => {
      this.runs.heartbeat(runId, this.holder, this.clock()).catch((err: unknown) => logger.warn({ err }, 'heartbeat failed'));
    }, this.options.heartbeatMs ?? 10_000);
    heartbeat.unref();
    let ctx: RunContext | undefined;
    try {
      ctx = await this.context(runId, logger);
      await executeRun(ctx, { runs: this.runs, links: this.options.links, companyId: ctx.setup.companyId!, selection });
    } catch (err) {
      if (err instanceof SimulatedCrash) throw err;
      await this.end(runId, ctx, err, logger);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * A run that gave up ends at once, failed or partial, its appointments released (give-up). Only
   * when that is impossible (the database itself failing) or when Business Central may still be
   * creating its drafts does it stop unfinished, to be resumed.
   */
  private async end(runId: string, ctx: RunContext | undefined, err: unknown, logger: Logger): Promise<void> {
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
        logger.error({ err: endError instanceof Error ? endError.message : String(endError) }, 'could not end the run; it resumes later');
      }
    }
    logger.warn({ err: message, kind }, 'invoice run stopped; it resumes later');
    await this.runs.stop(runId, this.holder, kind, this.clock());
  }

  private async context(runId: string, logger: Logger): Promise<RunContext> {
    const setup = await this.setup();
    if (setup.companyId === null) throw new Error('No Business Central company chosen in the setup');
    const hook = this.options.failAt;
    return {
      db: this.options.db,
      bookings: this.options.bookings,
      bc: this.options.bc.forCompany(setup.companyId),
      setup,
      businessId: setup.businessId.toLowerCase(),
      runId,
      logger,
      now: this.clock,
      lostAnswerWait: this.options.lostAnswerWait ?? DEFAULT_LOST_ANSWER_WAIT,
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

