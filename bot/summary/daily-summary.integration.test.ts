import type { Kysely } from 'kysely';
import { zonedTimeToUtc } from '../../service/domain/zoned-time';
import { startInvoiceKit, type InvoiceKit } from '../../service/invoicing/run/testing/invoice-kit';
import { IntervalScheduler } from '../../service/jobs/scheduler';
import { FakeTimers } from '../../service/jobs/testing/fake-timers';
import { People } from '../../service/identity/people';
import { silentLogger } from '../../service/logging/logger';
import type { Database } from '../../service/store';
import { describeEachStore } from '../../service/store/testing/test-stores';
import { queryUnbilled } from '../../service/unbilled';
import { BotActions, type BotServices, type CardActionRequest, type CardMessenger } from '../actions';
import { executeActions } from '../actions/testing/card-walk';
import type { AdaptiveCardJson } from '../cards';
import { addDays, parseIsoDate, type LocalDate } from '../../service/domain/local-date';
import { ConversationStore } from '../../service/conversations';
import { postDailySummaries } from './post-daily-summary';
import { dailySummaryTask } from './summary-task';
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

const TARGETS = ['a:chat-anna', '19:general@thread.tacv2'];
const ZONE = 'Europe/Copenhagen';

/** A local time in Copenhagen on a calendar day: counting days on the calendar, so a clock change between is no matter. */
const localTime = (date: LocalDate, hour: number) => zonedTimeToUtc({ ...date, hour, minute: 0 }, ZONE);

describeEachStore('daily summary posting', (getStore, suite) => {
  let kit: InvoiceKit;
  let day: string;
  let dayAfter: LocalDate;
  let now: Date;

  const services = (db: Kysely<Database>, clock: () => Date): BotServices => ({
    ...botStores(db, clock, { businessId: kit.h.businessId, currentSetup: async () => kit.setup }),
    logger: silentLogger,
    businessId: kit.h.businessId,
    currentSetup: async () => kit.setup,
    invoices: kit.runner({ db }),
    sync: { requestSync: async () => 'x', recentRuns: async () => [] },
    status: () => businessStatus({ db, businessId: kit.h.businessId, clock, currentSetup: async () => kit.setup }),
    staffNames: async () => new Map(),
    companyNames: async () => new Map(),
    businessNames: async () => new Map(),
    appointments: { markNoShow: jest.fn() },
    people: new People(db, clock),
    tab: { appId: 'app-1', webUrl: 'http://localhost:3978/tab/unbilled' },
    roles: { homeTenantId: undefined, sandboxAnyTenant: true },
    clock,
  });

  beforeAll(async () => {
    kit = await startInvoiceKit(getStore().db);
    const unbilled = await queryUnbilled(kit.db, { businessId: kit.h.businessId, state: 'unbilled', limit: 1 }, { now: kit.h.now, setup: kit.setup });
    day = [...unbilled.byDay].sort((a, b) => b.count - a.count)[0]!.day;
    dayAfter = addDays(parseIsoDate(day)!, 1);
    // 08:00 local on the day after: the 07:30 summary covering `day` is due.
    now = localTime(dayAfter, 8);
    const conversations = new ConversationStore(kit.db, () => now);
    for (const id of TARGETS) {
      await conversations.upsert({
        id,
        tenantId: 't',
        serviceUrl: 'http://127.0.0.1:1/',
        conversationType: id.startsWith('19:') ? 'channel' : 'personal',
        reference: JSON.stringify({ conversation: { id }, serviceUrl: 'http://127.0.0.1:1/', locale: id.startsWith('a:') ? 'da-DK' : 'en-US' }),
        teamId: id.startsWith('19:') ? id : null,
        channelId: id.startsWith('19:') ? id : null,
      });
    }
  });
  afterAll(() => kit?.h.close());
  beforeEach(async () => {
    await kit.db.deleteFrom('posted_cards').execute();
    kit.setSetup({ dailySummary: { ...kit.setup.dailySummary, postWhenEmpty: false, conversationIds: 'all' } });
  });

  it('posts each target once when two processes run the task at the same time and again later', async () => {
    const other = (await suite.reopen()).db;
    const a = new RecordingMessenger();
    const b = new RecordingMessenger();
    const depsA = { services: services(kit.db, () => now), messenger: a, conversations: new ConversationStore(kit.db, () => now) };
    const depsB = { services: services(other, () => now), messenger: b, conversations: new ConversationStore(other, () => now) };
    await Promise.all([postDailySummaries(depsA), postDailySummaries(depsB)]);

    // Two schedulers (two processes) on one database keep ticking: nothing is posted twice.
    const timers = new FakeTimers(now);
    const schedulers = [new IntervalScheduler({ db: kit.db, timers }), new IntervalScheduler({ db: other, timers })];
    schedulers[0]!.add(dailySummaryTask(depsA, 20), 0);
    schedulers[1]!.add(dailySummaryTask(depsB, 20), 0);
    // A check every 20 ms for 300 ms: each one after the first posts finds the day posted.
    await timers.advance(300, () => Promise.all(schedulers.map((s) => s.whenIdle())));
    await Promise.all(schedulers.map((s) => s.stop()));

    const sent = [...a.sent, ...b.sent];
    expect(sent.map((s) => s.conversationId).sort()).toEqual([...TARGETS].sort());
    const danish = sent.find((s) => s.conversationId === 'a:chat-anna')!;
    expect(JSON.stringify(danish.card)).toContain('Fakturer');
    expect(JSON.stringify(danish.card)).toContain(`"periodKey":"${day}..${day}"`);
    const rows = await kit.db.selectFrom('posted_cards').selectAll().execute();
    expect(rows.map((r) => [r.kind, r.period_key, r.activity_id !== ''])).toEqual(TARGETS.map(() => ['dailySummary', `${day}..${day}`, true]));
  });

  it('posts only to the conversations the setup selects', async () => {
    kit.setSetup({ dailySummary: { ...kit.setup.dailySummary, conversationIds: ['19:general@thread.tacv2'] } });
    const m = new RecordingMessenger();
    await postDailySummaries({ services: services(kit.db, () => now), messenger: m, conversations: new ConversationStore(kit.db, () => now) });
    expect(m.sent.map((s) => s.conversationId)).toEqual(['19:general@thread.tacv2']);
  });

  it('skips an empty day unless postWhenEmpty, and posts nothing before the summary time', async () => {
    // 08:00 local, 400 calendar days on: the seed has nothing that far ahead.
    const later = localTime(addDays(dayAfter, 400), 8);
    const m = new RecordingMessenger();
    const deps = { services: services(kit.db, () => later), messenger: m, conversations: new ConversationStore(kit.db, () => later) };
    expect(await postDailySummaries(deps)).toMatchObject({ empty: true, posted: [] });
    expect(m.sent).toHaveLength(0);

    const early = localTime(dayAfter, 7);
    expect((await postDailySummaries({ ...deps, services: services(kit.db, () => early) })).day).toBeUndefined();
    expect(m.sent).toHaveLength(0);

    kit.setSetup({ dailySummary: { ...kit.setup.dailySummary, postWhenEmpty: true } });
    expect((await postDailySummaries(deps)).posted.sort()).toEqual([...TARGETS].sort());
  });

  it('records a failed post as failed, retries it at the next tick and records the success', async () => {
    kit.setSetup({ dailySummary: { ...kit.setup.dailySummary, conversationIds: ['a:chat-anna'] } });
    const conversations = new ConversationStore(kit.db, () => now);
    const down: CardMessenger = {
      send: async () => {
        throw new Error('Bot Framework answered 502');
      },
      update: async () => {},
    };
    const first = await postDailySummaries({ services: services(kit.db, () => now), messenger: down, conversations });
    expect(first).toMatchObject({ posted: [], failed: ['a:chat-anna'] });
    expect((await conversations.get('a:chat-anna'))?.lastPost).toEqual({ at: now.toISOString(), error: 'Error: Bot Framework answered 502' });
    expect(await kit.db.selectFrom('posted_cards').selectAll().execute()).toEqual([]);

    const tick = new Date(now.getTime() + 60_000);
    const up = new RecordingMessenger();
    const later = new ConversationStore(kit.db, () => tick);
    const second = await postDailySummaries({ services: services(kit.db, () => tick), messenger: up, conversations: later });
    expect(second).toMatchObject({ posted: ['a:chat-anna'], failed: [] });
    expect(up.sent.map((s) => s.conversationId)).toEqual(['a:chat-anna']);
    expect((await later.get('a:chat-anna'))?.lastPost).toEqual({ at: tick.toISOString(), error: null });
  });

  it("answers a click on the channel's summary, which Teams addresses to the post's thread, and starts its run once", async () => {
    const channel = '19:general@thread.tacv2';
    kit.setSetup({ dailySummary: { ...kit.setup.dailySummary, conversationIds: [channel] } });
    const m = new RecordingMessenger();
    const clock = () => now;
    const runner = kit.runner({ db: kit.db });
    // The watcher's waits never come due: the test looks at what the click did, not at the card kept in step.
    const bot: BotServices = { ...services(kit.db, clock), invoices: runner, waits: new FakeTimers(now) };
    await postDailySummaries({ services: bot, messenger: m, conversations: new ConversationStore(kit.db, clock) });
    expect(m.sent.map((s) => s.conversationId)).toEqual([channel]);
    const button = executeActions(m.sent[0]!.card).find((a) => a.verb === 'invoiceAll')!;
    const actions = new BotActions(bot, m);
    const click = (threadOf: string): CardActionRequest => ({
      verb: button.verb,
      data: button.data,
      trigger: 'manual',
      user: { id: '29:anna', name: 'Anna', aadObjectId: '11111111-1111-1111-1111-111111111111' },
      // As Teams sends an action on a channel post: the thread of the post, `;messageid=<post id>`.
      conversation: { id: `${channel};messageid=${threadOf}`, type: 'channel', tenantId: 't', teamId: channel, channelId: channel },
      replyToId: threadOf,
      locale: 'en-US',
    });

    // Another post's thread does not reach this card.
    await expect(actions.cardAction(click('msg-99'), async () => false)).rejects.toThrow('no such card in this conversation');
    await actions.cardAction(click('msg-1'), async () => false);
    await actions.stop();
    await runner.idle();
    const [card] = await kit.db.selectFrom('posted_cards').selectAll().execute();
    expect(card).toMatchObject({ conversation_id: channel, activity_id: 'msg-1', kind: 'dailySummary' });
    const run = await kit.db.selectFrom('invoice_runs').select(['id', 'source']).where('id', '=', card!.run_id!).execute();
    expect(run).toEqual([{ id: card!.run_id, source: 'bot' }]);
  });
});
