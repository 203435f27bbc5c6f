import type { Kysely, Transaction } from 'kysely';
import { toIsoUtc, writeJson } from '../../store/columns';
import type { Database, Row } from '../../store/database';
import type { AfterCreate } from '../../setup/setup-schema';
import { RUN_STATES, TERMINAL_RUN_STATES, type RunSource, type RunState, type Selection } from './run-schemas';

export type RunRow = Row<'invoice_runs'>;

/** The run states a move to `to` may start from: runs only move forward. */
function before(to: RunState): RunState[] {
  if (TERMINAL_RUN_STATES.includes(to)) return RUN_STATES.filter((s) => !TERMINAL_RUN_STATES.includes(s));
  return RUN_STATES.slice(0, RUN_STATES.indexOf(to));
}

/** `invoice_runs` rows: the job record of each run, its liveness and its end. */
export class RunStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(input: {
    id: string;
    businessId: string;
    requestedBy: string;
    source: RunSource;
    selection: Selection;
    retryOf: string | null;
    holder: string;
    now: Date;
    afterCreate: AfterCreate;
  }): Promise<void> {
    const now = toIsoUtc(input.now);
    await this.db
      .insertInto('invoice_runs')
      .values({
        id: input.id,
        business_id: input.businessId,
        requested_by: input.requestedBy,
        source: input.source,
        selection: writeJson(input.selection),
        state: 'planned',
        phase: 'plan',
        planned_count: 0,
        created_count: 0,
        failed_count: 0,
        totals: null,
        error: null,
        created_at: now,
        updated_at: now,
        finished_at: null,
        holder: input.holder,
        heartbeat_at: now,
        skipped: null,
        retry_of: input.retryOf,
        after_create: input.afterCreate,
      })
      .execute();
  }

  get(runId: string): Promise<RunRow | undefined> {
    return this.db.selectFrom('invoice_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  }

  async advance(runId: string, state: RunState, phase: string, now: Date): Promise<void> {
    await this.db
      .updateTable('invoice_runs')
      .set({ state, phase, error: null, updated_at: toIsoUtc(now) })
      .where('id', '=', runId)
      .where('state', 'in', before(state))
      .execute();
  }

  /** The run's liveness as people read it; what decides a take-over is the run's lease (invoice-runner). */
  async heartbeat(runId: string, holder: string, now: Date, within?: Transaction<Database>): Promise<void> {
    await (within ?? this.db)
      .updateTable('invoice_runs')
      .set({ heartbeat_at: toIsoUtc(now) })
      .where('id', '=', runId)
      .where('holder', '=', holder)
      .execute();
  }

  /**
   * Records `holder` as the run's holder if the run is unfinished; false when it ended meanwhile.
   * Only the taker of the run's lease calls it (in its fenced transaction): the lease decides who may.
   */
  async takeOver(runId: string, holder: string, now: Date, within: Transaction<Database>): Promise<boolean> {
    const result = await within
      .updateTable('invoice_runs')
      .set({ holder, heartbeat_at: toIsoUtc(now), updated_at: toIsoUtc(now) })
      .where('id', '=', runId)
      .where('state', 'in', before('succeeded'))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Unfinished runs of a business (candidates for resuming). */
  unfinished(businessId: string): Promise<RunRow[]> {
    return this.db
      .selectFrom('invoice_runs')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('state', 'in', before('succeeded'))
      .orderBy('created_at')
      .execute();
  }

  /** The run stopped short of its end (beyond retry bounds): released, to be resumed. */
  async stop(runId: string, holder: string, error: string, now: Date, within?: Transaction<Database>): Promise<void> {
    await (within ?? this.db)
      .updateTable('invoice_runs')
      .set({ holder: null, heartbeat_at: null, error, updated_at: toIsoUtc(now) })
      .where('id', '=', runId)
      .where('holder', '=', holder)
      .execute();
  }

  async finish(runId: string, state: RunState, totals: unknown, now: Date, error: string | null = null, within?: Transaction<Database>): Promise<void> {
    const at = toIsoUtc(now);
    await (within ?? this.db)
      .updateTable('invoice_runs')
      .set({ state, phase: 'done', totals: writeJson(totals), error, holder: null, heartbeat_at: null, finished_at: at, updated_at: at })
      .where('id', '=', runId)
      .where('state', 'in', before(state))
      .execute();
  }
}
