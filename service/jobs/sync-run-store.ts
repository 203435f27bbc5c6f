import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { SyncPhaseReport } from '../sync/sync-context';
import { isUniqueViolation, toIsoUtc, type Database, type Row } from '../store';
import { isSyncErrorKind, syncErrorWords, type SyncErrorKind } from './sync-error-words';
import { SYNC_RUN_STATES, UNFINISHED_STATES, statesBefore, type SyncRunState } from './sync-run-state';
import { audit } from '../history/audit';

export type SyncRunSource = 'tab' | 'bot' | 'cli' | 'schedule' | 'startup';

/** A sync run as the CLI, the tab and the bot see it. */
export interface SyncRun {
  id: string;
  businessId: string;
  state: SyncRunState;
  phase: string | null;
  progress: { done: number; total: number };
  counts: SyncPhaseReport;
  /** Why it failed, in English words (sync-error-words); `errorKind` lets a face say it in its language. */
  error: string | null;
  errorKind: SyncErrorKind | null;
  requestedBy: string | null;
  source: string | null;
  startedAt: string;
  /** The heartbeat: a running run whose updatedAt is old has died and is resumed. */
  updatedAt: string;
  finishedAt: string | null;
}

export class CorruptSyncRunError extends Error {
  constructor(runId: string, state: string) {
    super(`Sync run ${runId} has an unknown state ${JSON.stringify(state)}`);
    this.name = 'CorruptSyncRunError';
  }
}

const stateSchema = z.enum(SYNC_RUN_STATES);

function toRun(row: Row<'sync_runs'>): SyncRun {
  const state = stateSchema.safeParse(row.state);
  if (!state.success) throw new CorruptSyncRunError(row.id, row.state);
  return {
    id: row.id,
    businessId: row.business_id,
    state: state.data,
    phase: row.phase,
    progress: { done: row.progress_done, total: row.progress_total },
    counts: {
      added: row.added_count,
      updated: row.updated_count,
      unchanged: row.unchanged_count,
      removed: row.removed_count,
      rejected: row.rejected_count,
    },
    error: syncErrorWords(row.error),
    errorKind: row.error === null ? null : isSyncErrorKind(row.error) ? row.error : 'unknown',
    requestedBy: row.requested_by,
    source: row.source,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/** The `sync_runs` rows; every state change goes through the transition table as a conditional update. */
export class SyncRunStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** `work` in the caller's transaction (a holder's fenced one), else in a transaction of its own. */
  private inTransaction<T>(within: Transaction<Database> | undefined, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return within === undefined ? this.db.transaction().execute(work) : work(within);
  }

  async get(id: string): Promise<SyncRun | undefined> {
    const row = await this.db.selectFrom('sync_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toRun(row);
  }

  /** The business's one unfinished run (queued, running or stopped), if any. */
  async findUnfinished(businessId: string): Promise<SyncRun | undefined> {
    const row = await this.db
      .selectFrom('sync_runs')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('state', 'in', [...UNFINISHED_STATES])
      .executeTakeFirst();
    return row === undefined ? undefined : toRun(row);
  }

  async listUnfinished(): Promise<SyncRun[]> {
    const rows = await this.db
      .selectFrom('sync_runs')
      .selectAll()
      .where('state', 'in', [...UNFINISHED_STATES])
      .orderBy('started_at')
      .execute();
    return rows.map(toRun);
  }

  /** The business's latest runs, newest first. */
  async listRecent(businessId: string, limit: number): Promise<SyncRun[]> {
    const rows = await this.db.selectFrom('sync_runs').selectAll().where('business_id', '=', businessId).orderBy('started_at', 'desc').limit(limit).execute();
    return rows.map(toRun);
  }

  /** Inserts a queued run; false when the business already has an unfinished run. */
  async create(run: { id: string; businessId: string; requestedBy: string; source: SyncRunSource; now: Date }): Promise<boolean> {
    const at = toIsoUtc(run.now);
    try {
      await this.db
        .insertInto('sync_runs')
        .values({
          id: run.id,
          business_id: run.businessId,
          state: 'queued',
          phase: null,
          progress_done: 0,
          progress_total: 0,
          added_count: 0,
          updated_count: 0,
          unchanged_count: 0,
          removed_count: 0,
          error: null,
          requested_by: run.requestedBy,
          source: run.source,
          started_at: at,
          updated_at: at,
          finished_at: null,
        })
        .execute();
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /**
   * Moves a run to running: a new one, a stopped one, or a running one whose heartbeat is older
   * than `staleBefore` (its process died). False when someone else has it.
   */
  async start(id: string, now: Date, staleBefore: Date, within?: Transaction<Database>): Promise<boolean> {
    const result = await (within ?? this.db)
      .updateTable('sync_runs')
      .set({ state: 'running', updated_at: toIsoUtc(now) })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb(
            'state',
            'in',
            statesBefore('running').filter((s) => s !== 'running'),
          ),
          eb.and([eb('state', '=', 'running'), eb('updated_at', '<', toIsoUtc(staleBefore))]),
        ]),
      )
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Ends or stops a run along the transition table; false when it was not in a state that allows it. */
  async finish(id: string, to: 'succeeded' | 'failed' | 'stopped', now: Date, error: string | null = null, within?: Transaction<Database>): Promise<boolean> {
    const at = toIsoUtc(now);
    return this.inTransaction(within, async (trx) => {
      const result = await trx
        .updateTable('sync_runs')
        .set({ state: to, updated_at: at, finished_at: to === 'stopped' ? null : at, ...(to === 'failed' ? { error } : {}) })
        .where('id', '=', id)
        .where('state', 'in', statesBefore(to))
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) return false;
      if (to !== 'stopped') await auditEnd(trx, id, at);
      return true;
    });
  }

  async heartbeat(id: string, now: Date, within?: Transaction<Database>): Promise<void> {
    await (within ?? this.db)
      .updateTable('sync_runs')
      .set({ updated_at: toIsoUtc(now) })
      .where('id', '=', id)
      .where('state', '=', 'running')
      .execute();
  }

  async writeProgress(id: string, progress: { phase: string; done: number; total: number }, now: Date): Promise<void> {
    await this.db
      .updateTable('sync_runs')
      .set({ phase: progress.phase, progress_done: progress.done, progress_total: progress.total, updated_at: toIsoUtc(now) })
      .where('id', '=', id)
      .where('state', '=', 'running')
      .execute();
  }

  /** Records that `phase` is where the run now is (a resume restarts there). */
  async enterPhase(id: string, phase: string, now: Date, within?: Transaction<Database>): Promise<void> {
    await (within ?? this.db)
      .updateTable('sync_runs')
      .set({ phase, progress_done: 0, progress_total: 0, updated_at: toIsoUtc(now) })
      .where('id', '=', id)
      .where('state', '=', 'running')
      .execute();
  }

  /**
   * Adds a finished phase's counts and, in the same statement, moves on to `next` or, after the
   * last phase, ends the run as succeeded: a crash in between can never count a phase twice.
   */
  async completePhase(id: string, report: SyncPhaseReport, next: string | null, now: Date, within?: Transaction<Database>): Promise<boolean> {
    const at = toIsoUtc(now);
    return this.inTransaction(within, async (trx) => {
      const result = await trx
        .updateTable('sync_runs')
        .set((eb) => ({
          added_count: eb('added_count', '+', report.added),
          updated_count: eb('updated_count', '+', report.updated),
          unchanged_count: eb('unchanged_count', '+', report.unchanged),
          removed_count: eb('removed_count', '+', report.removed),
          rejected_count: eb('rejected_count', '+', report.rejected),
          updated_at: at,
          ...(next === null ? { state: 'succeeded', finished_at: at } : { phase: next, progress_done: 0, progress_total: 0 }),
        }))
        .where('id', '=', id)
        .where('state', '=', 'running')
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) return false;
      if (next === null) await auditEnd(trx, id, at);
      return true;
    });
  }
}

/**
 * The audit entry of an ended run, in the transaction that ends it: failed runs and runs a person
 * asked for; the scheduled syncs every few minutes would only bury what matters there.
 */
async function auditEnd(trx: Kysely<Database>, id: string, at: string): Promise<void> {
  const run = await trx.selectFrom('sync_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  if (run.state !== 'failed' && (run.state !== 'succeeded' || run.source === 'schedule')) return;
  const counts = {
    added: run.added_count,
    updated: run.updated_count,
    unchanged: run.unchanged_count,
    removed: run.removed_count,
    rejected: run.rejected_count,
  };
  await audit(trx, {
    at,
    actor: run.requested_by ?? 'schedule',
    source: run.source ?? 'schedule',
    action: `sync.${run.state}`,
    subject: id,
    details: { businessId: run.business_id, ...counts, ...(run.state === 'failed' ? { error: run.error } : {}) },
  });
}
