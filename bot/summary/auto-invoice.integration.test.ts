import type { Kysely } from 'kysely';
import { AutoInvoicer, autoInvoiceTask } from '../../service/invoicing/auto';
import { startInvoiceKit, type InvoiceKit } from '../../service/invoicing/run/testing/invoice-kit';
import { businessToday } from '../../service/payments';
import { dayBefore } from '../../service/jobs/local-schedule';
import { IntervalScheduler } from '../../service/jobs/scheduler';
import { FakeTimers } from '../../service/jobs/testing/fake-timers';
import { People } from '../../service/identity/people';
import { silentLogger } from '../../service/logging/logger';
import type { Database } from '../../service/store';
import { describeEachStore } from '../../service/store/testing/test-stores';
import type { BotServices, CardMessenger } from '../actions';
import type { AdaptiveCardJson } from '../cards';
import { ConversationStore } from '../../service/conversations';
import { announceAutoInvoiceRuns } from './auto-invoice-cards';
import { businessStatus } from '../../service/app/business-status';
import { botStores } from '../actions/testing/bot-stores';

class RecordingMessenger implements CardMessenger {
  readonly sent: Array<{ conversationId: string; card: AdaptiveCardJson }> = [];
  async send(conversationId: string, card: AdaptiveCardJson): Promise<string> {
    this.sent.push({ conversationId, card });
    return `msg-${this.sent.length}`;
  }
  async update(): Promise<void> {}
}

const ZONE = 'Europe/Copenhagen';
const TARGET = '19:general@thread.tacv2';
const DAY_MS = 86_400_000;

describeEachStore('automatic invoicing: one run per business per tick across processes', (getStore, suite) => {
  let k: InvoiceKit;
  beforeAll(async () => {
    k = await startInvoiceKit(getStore().db);
    // Due from 00:00 local: the kit's "now" is within the tick's day, whatever its hour.
    k.setSetup({
      autoInvoice: { enabled: true, frequency: 'daily', day: 'monday', time: '00:00' },
      dailySummary: { ...k.setup.dailySummary, timeZone: ZONE, conversationIds: 'all' },
    });
    await new ConversationStore(k.db, k.clock.now).upsert({
      id: TARGET,
      tenantId: 't',
      serviceUrl: 'http://127.0.0.1:1/',
      conversationType: 'channel',
      reference: JSON.stringify({ conversation: { id: TARGET }, serviceUrl: 'http://127.0.0.1:1/', locale: 'en-US' }),
      teamId: TARGET,
      channelId: TARGET,
    });
  });
  afterAll(() => k?.h.close());

  const services = (db: Kysely<Database>, clock: () => Date, runner: ReturnType<InvoiceKit['runner']>): BotServices => ({
    ...botStores(db, clock, { businessId: k.h.businessId, currentSetup: async () => k.setup }),
    logger: silentLogger,
    businessId: k.h.businessId,
    currentSetup: async () => k.setup,
    invoices: runner,
    sync: { requestSync: async () => 'x', recentRuns: async () => [] },
    staffNames: async () => new Map(),
    companyNames: async () => new Map(),
    businessNames: async () => new Map(),
    appointments: { markNoShow: jest.fn() },
    people: new People(db, clock),
    status: () => businessStatus({ db, businessId: k.h.businessId, clock, currentSetup: async () => k.setup }),
    tab: { appId: 'app-1', webUrl: 'http://localhost:3978/tab/unbilled' },
    roles: { homeTenantId: undefined, sandboxAnyTenant: true },
    clock,
  });

  it('two schedulers on one database start one run per tick and post its result once', async () => {
    const other = (await suite.reopen()).db;
    let now = k.h.now;
    const clock = () => now;
    const processes = [k.db, other].map((db) => {
      const runner = k.runner({ db });
      const autoInvoice = new AutoInvoicer({ db, businessId: k.h.businessId, setup: async () => k.setup, clock, runner });
      const messenger = new RecordingMessenger();
      const conversations = new ConversationStore(db, clock);
      const bot = services(db, clock, runner);
      const task = autoInvoiceTask({
        autoInvoice,
        businessId: k.h.businessId,
        logger: silentLogger,
        checkEveryMs: 20,
        announce: async (asHolder) => void (await announceAutoInvoiceRuns({ services: bot, messenger, conversations, autoInvoice, asHolder })),
      });
      return { runner, autoInvoice, messenger, task };
    });

    const tickFor = async (at: Date) => {
      now = at;
      const timers = new FakeTimers(at);
      const schedulers = [k.db, other].map((db) => new IntervalScheduler({ db, timers }));
      schedulers.forEach((s, i) => s.add(processes[i]!.task, 0));
      // Checks every 20 ms for 300 ms, in both processes; then the runs end and one more round announces them.
      await timers.advance(300, () => Promise.all(schedulers.map((s) => s.whenIdle())));
      await Promise.all(processes.map((p) => p.runner.idle()));
      await timers.advance(100, () => Promise.all(schedulers.map((s) => s.whenIdle())));
      await Promise.all(schedulers.map((s) => s.stop()));
    };

    const firstDay = businessToday(k.h.now, ZONE);
    await tickFor(k.h.now);
    let runs = await k.db.selectFrom('invoice_runs').selectAll().where('source', '=', 'schedule').execute();
    expect(runs).toHaveLength(1);
    expect(JSON.parse(runs[0]!.selection)).toEqual({ kind: 'filter', to: dayBefore(firstDay) });
    expect(runs[0]!.requested_by).toBe('schedule');
    expect(runs[0]!.finished_at).not.toBeNull();
    const firstRun = await k.runner().getRun(runs[0]!.id);
    expect(firstRun.counts.invoices).toBeGreaterThan(0);
    expect(await processes[0]!.autoInvoice.ticks()).toEqual([{ key: firstDay, runId: runs[0]!.id, announcedAt: expect.any(String) }]);
    // Its result card went to the summary conversation once, from whichever process held the lease.
    const sent = processes.flatMap((p) => p.messenger.sent);
    expect(sent.map((s) => s.conversationId)).toEqual([TARGET]);
    expect(JSON.stringify(sent[0]!.card)).toContain(firstRun.invoices.find((i) => i.number !== null)!.number!);

    // The next day's tick: one more run (nothing left up to its yesterday but the new day), and no card for a run that found nothing.
    await tickFor(new Date(k.h.now.getTime() + DAY_MS));
    runs = await k.db.selectFrom('invoice_runs').selectAll().where('source', '=', 'schedule').orderBy('created_at').execute();
    expect(runs).toHaveLength(2);
    expect(new Set(runs.map((r) => JSON.parse(r.selection).to)).size).toBe(2);
    const ticks = await processes[1]!.autoInvoice.ticks();
    expect(ticks.map((t) => t.runId).sort()).toEqual(runs.map((r) => r.id).sort());
    expect(ticks.every((t) => t.announcedAt !== null)).toBe(true);
    const second = await k.runner().getRun(runs[1]!.id);
    expect(processes.flatMap((p) => p.messenger.sent)).toHaveLength(second.state === 'nothing' ? 1 : 2);

    // Switched off, a due tick starts nothing.
    k.setSetup({ autoInvoice: { ...k.setup.autoInvoice, enabled: false } });
    await tickFor(new Date(k.h.now.getTime() + 2 * DAY_MS));
    expect(await k.db.selectFrom('invoice_runs').select('id').where('source', '=', 'schedule').execute()).toHaveLength(2);
  });

  it('a tick whose run was never started (a crash after the claim) is started under the claimed id, once', async () => {
    const at = new Date(k.h.now.getTime() + 5 * DAY_MS);
    k.setSetup({ autoInvoice: { ...k.setup.autoInvoice, enabled: true } });
    const key = businessToday(at, ZONE);
    await k.db
      .insertInto('auto_invoice_ticks')
      .values({
        business_id: k.h.businessId.toLowerCase(),
        tick_key: key,
        run_id: 'f00dfeed-0000-4000-8000-000000000001',
        created_at: at.toISOString(),
        announced_at: null,
      })
      .execute();
    const runner = k.runner();
    const invoicer = new AutoInvoicer({ db: k.db, businessId: k.h.businessId, setup: async () => k.setup, clock: () => at, runner });
    const [a, b] = await Promise.all([invoicer.tick(), invoicer.tick()]);
    expect([a!.runId, b!.runId]).toEqual(['f00dfeed-0000-4000-8000-000000000001', 'f00dfeed-0000-4000-8000-000000000001']);
    expect([a!.started, b!.started].filter(Boolean)).toHaveLength(1);
    await runner.idle();
    expect(await k.db.selectFrom('invoice_runs').select('id').where('id', '=', 'f00dfeed-0000-4000-8000-000000000001').execute()).toHaveLength(1);
  });
});
