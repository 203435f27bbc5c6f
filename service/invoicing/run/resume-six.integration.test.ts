import type { Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { MAX_LIMIT, queryUnbilled } from '../../unbilled';
import type { Database } from '../../store/database';
import { describeEachStore } from '../../store/testing/test-stores';
import type { FailPoint } from './fail-points';
import { startInvoiceKit } from './testing/invoice-kit';

const NOW = new Date('2026-11-25T10:00:00Z');
const RUNS = 6;

/**
 * Lines up the six runs' price-term upserts (bc_customer_terms, then bc_item_terms, one
 * transaction a run), the writes that deadlocked when a restarted app resumed six runs (issue 11,
 * item 3): the answer to each upsert is held until six have been sent, so every run's transaction
 * holds its first row (or waits on another's) before any goes on. Locks taken in different orders
 * then meet for certain; taken in one order they only queue.
 */
class PriceTermsGate implements KyselyPlugin {
  private readonly inserts = new Set<unknown>();
  private release: () => void = () => undefined;
  private readonly opened = new Promise<void>((resolve) => (this.release = resolve));
  sent = 0;
  itemsSent = 0;
  heldAtOnce = 0;
  private held = 0;

  constructor(private readonly lineUp: number) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    const table = node.kind === 'InsertQueryNode' ? node.into?.table.identifier.name : undefined;
    if (table === 'bc_item_terms' || table === 'bc_customer_terms') {
      this.inserts.add(args.queryId);
      this.sent += 1;
      if (table === 'bc_item_terms') this.itemsSent += 1;
      if (this.sent >= this.lineUp) this.release();
    }
    return node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.inserts.delete(args.queryId) && this.sent < this.lineUp) {
      this.held += 1;
      this.heldAtOnce = Math.max(this.heldAtOnce, this.held);
      await this.opened;
      this.held -= 1;
    }
    return args.result;
  }
}

/**
 * Six runs over appointments that share items are killed after Business Central created their
 * drafts (answers not stored, nothing verified), then one runner resumes all six at once, as a
 * restarted app does; `plugin` watches (or lines up) the store's writes of the resumed runs.
 */
async function resumeSix(db: Kysely<Database>, plugin: KyselyPlugin | undefined): Promise<void> {
  const k = await startInvoiceKit(db, { now: NOW });
  try {
    // Invoiceable appointments of one customer each, across every service, dealt round the six runs by
    // customer: the runs share items (met in different orders: each customer books other services),
    // never a customer, so nothing but the item rows makes them wait for each other.
    const blocked = new Set(
      k.h.bc.state
        .company(k.h.companyId)!
        .customers.filter((c) => c.blocked === 'All' || c.blocked === 'Invoice')
        .flatMap((c) => c.email.split(';').map((e) => e.trim().toLowerCase())),
    );
    const { rows } = await queryUnbilled(k.db, { businessId: k.h.businessId, state: 'invoiceable', limit: MAX_LIMIT }, { now: k.clock.now(), setup: k.setup });
    const usable = rows.filter((r) => r.customers.length === 1 && !blocked.has(r.customers[0]!.email.trim().toLowerCase()));
    const emails = [...new Set(usable.map((r) => r.customers[0]!.email.trim().toLowerCase()))];
    const selections = Array.from({ length: RUNS }, (_, run) =>
      usable.filter((r) => emails.indexOf(r.customers[0]!.email.trim().toLowerCase()) % RUNS === run).map((r) => r.id),
    );
    expect(selections.every((ids) => ids.length >= 3)).toBe(true);
    const services = new Set(usable.map((r) => r.serviceId));
    expect(services.size).toBeGreaterThan(3);

    // The drafts are created, then each run dies before it stored the answer or verified anything.
    const cli = k.runner({
      failAt: (point) => {
        if (point === 'after-create') throw new Error('kill -9');
      },
    });
    const runIds: string[] = [];
    for (const ids of selections) runIds.push(await cli.start({ kind: 'ids', appointmentIds: ids }, 'anna@contoso.com', 'cli'));
    // Each run is left as a killed process leaves it.
    for (const id of runIds) await cli.wait(id).catch(() => undefined);
    for (const id of runIds) expect(await cli.getRun(id)).toMatchObject({ state: 'creating', finished: false });
    await cli.idle();
    const claimed = async () => (await k.appointments()).filter((a) => a.state === 'claimed').length;
    expect(await claimed()).toBeGreaterThan(0);
    expect(k.bcInvoices().length).toBeGreaterThan(0);
    expect(await k.db.selectFrom('bc_item_terms').selectAll().execute()).toEqual([]);

    // A restarted app: its runner resumes all six at once. They wait for each other before creating,
    // so their verifications (and price-term upserts) run side by side.
    k.clock.advance(120_000);
    let arrived = 0;
    let release: () => void = () => undefined;
    const together = new Promise<void>((resolve) => (release = resolve));
    const app = k.runner({
      db: plugin === undefined ? k.db : k.db.withPlugin(plugin),
      failAt: async (point: FailPoint) => {
        if (point !== 'after-customers') return;
        arrived += 1;
        if (arrived === RUNS) release();
        await together;
      },
    });
    const results = await app.resumeInterrupted();
    await app.idle();

    expect(results.map((r) => r.id).sort()).toEqual([...runIds].sort());
    expect(results.map((r) => [r.state, r.error])).toEqual(runIds.map(() => ['succeeded', null]));
    expect(await claimed()).toBe(0);
    const keys = k.bcInvoices().map((i) => i.externalDocumentNumber);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(results.flatMap((r) => r.invoices.map((i) => i.externalDocumentNumber.toUpperCase())).sort());
    const invoiced = new Set((await k.appointments()).filter((a) => a.state === 'invoiced').map((a) => a.id));
    expect(selections.flat().filter((id) => !invoiced.has(id))).toEqual([]);

    const items = await k.db.selectFrom('bc_item_terms').select('bc_item_id').execute();
    expect(items.length).toBeGreaterThan(3);
  } finally {
    await k.h.close();
  }
}

describeEachStore('Six interrupted runs resumed at once (a restarted app)', (getStore, suite) => {
  // PostgreSQL's row locks are what deadlocked; SQLite has one writer, where lining up writers would only wait.
  if (suite.kind === 'postgres') {
    it('all finish without a deadlock while their price-term upserts meet: nothing stays claimed, one draft per key', async () => {
      const gate = new PriceTermsGate(RUNS);
      await resumeSix(getStore().db, gate);
      // Several runs' upsert transactions were open at the same moment, holding rows, and every run wrote item terms.
      expect(gate.heldAtOnce).toBeGreaterThan(1);
      expect(gate.itemsSent).toBeGreaterThanOrEqual(RUNS * 2);
    }, 60_000);
  } else {
    it('all finish: nothing stays claimed, one draft per key', () => resumeSix(getStore().db, undefined), 60_000);
  }
});
