import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../domain/clock';
import { dayBefore, dueLocalTick } from '../../jobs/local-schedule';
import type { AsHolder } from '../../jobs/scheduler';
import type { Setup } from '../../setup/setup-schema';
import { toIsoUtc } from '../../store/columns';
import type { Database } from '../../store/database';
import type { InvoiceRunner } from '../run/invoice-runner';

/** Who the run records as asking (History says "the scheduler"). */
export const AUTO_INVOICE_ACTOR = 'schedule';

export interface AutoInvoiceTick {
  /** The tick's local date. */
  key: string;
  runId: string;
  /** True when this call started the run; false when it had been started (by this or another process). */
  started: boolean;
}

/** A finished tick whose result card has not gone out yet. */
export interface UnannouncedTick {
  key: string;
  runId: string;
}

/**
 * Automatic invoicing: at each due tick of the setup's schedule, one run per business invoices
 * everything invoiceable up to the day before the tick, through the same runner as every face.
 *
 * Once per tick across processes: the tick's row (primary key business + local date) is inserted
 * with a run id chosen beforehand, inside the scheduler's fenced transaction; the run is then
 * started under that id, and a run id is a primary key too. A process that dies between the two
 * leaves a row without its run, which the next check starts: never none, never two.
 */
export class AutoInvoicer {
  private readonly businessId: string;

  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      businessId: string;
      setup: () => Promise<Setup>;
      clock: Clock;
      runner: Pick<InvoiceRunner, 'startAs'>;
    },
  ) {
    this.businessId = deps.businessId.trim().toLowerCase();
  }

  /** The tick due now, if automatic invoicing is on and one is: claimed and its run started, at most once. */
  async tick(asHolder?: AsHolder): Promise<AutoInvoiceTick | undefined> {
    const setup = await this.deps.setup();
    if (!setup.autoInvoice.enabled) return undefined;
    const now = this.deps.clock();
    const key = dueLocalTick(now, { ...setup.autoInvoice, timeZone: setup.dailySummary.timeZone });
    if (key === undefined) return undefined;
    const claim = async (db: Kysely<Database>): Promise<void> => {
      await db
        .insertInto('auto_invoice_ticks')
        .values({ business_id: this.businessId, tick_key: key, run_id: randomUUID(), created_at: toIsoUtc(now), announced_at: null })
        .onConflict((oc) => oc.columns(['business_id', 'tick_key']).doNothing())
        .execute();
    };
    // Under the scheduler's lease the claim is fenced: a process that lost the lease claims nothing.
    if (asHolder === undefined) await claim(this.deps.db);
    else await asHolder((trx) => claim(trx));
    const row = await this.deps.db
      .selectFrom('auto_invoice_ticks')
      .select('run_id')
      .where('business_id', '=', this.businessId)
      .where('tick_key', '=', key)
      .executeTakeFirstOrThrow();
    const existing = await this.deps.db.selectFrom('invoice_runs').select('id').where('id', '=', row.run_id).executeTakeFirst();
    if (existing !== undefined) return { key, runId: row.run_id, started: false };
    const started = await this.deps.runner.startAs(row.run_id, { kind: 'filter', to: dayBefore(key) }, AUTO_INVOICE_ACTOR, 'schedule');
    return { key, runId: row.run_id, started };
  }

  /** Ticks whose run has finished and whose result card has not been posted, oldest first. */
  async unannounced(): Promise<UnannouncedTick[]> {
    const rows = await this.deps.db
      .selectFrom('auto_invoice_ticks')
      .innerJoin('invoice_runs', 'invoice_runs.id', 'auto_invoice_ticks.run_id')
      .select(['auto_invoice_ticks.tick_key as key', 'auto_invoice_ticks.run_id as runId'])
      .where('auto_invoice_ticks.business_id', '=', this.businessId)
      .where('auto_invoice_ticks.announced_at', 'is', null)
      .where('invoice_runs.finished_at', 'is not', null)
      .orderBy('auto_invoice_ticks.tick_key')
      .execute();
    return rows;
  }

  async markAnnounced(key: string): Promise<void> {
    await this.deps.db
      .updateTable('auto_invoice_ticks')
      .set({ announced_at: toIsoUtc(this.deps.clock()) })
      .where('business_id', '=', this.businessId)
      .where('tick_key', '=', key)
      .execute();
  }

  /** Every tick recorded for the business, newest first (for status and tests). */
  async ticks(): Promise<Array<{ key: string; runId: string; announcedAt: string | null }>> {
    const rows = await this.deps.db
      .selectFrom('auto_invoice_ticks')
      .select(['tick_key', 'run_id', 'announced_at'])
      .where('business_id', '=', this.businessId)
      .orderBy('tick_key', 'desc')
      .execute();
    return rows.map((r) => ({ key: r.tick_key, runId: r.run_id, announcedAt: r.announced_at }));
  }
}
