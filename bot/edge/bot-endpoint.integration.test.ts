import { queryUnbilled } from '../../service/unbilled';
import { excludeAppointment, includeAppointment } from '../../service/invoicing/exclusions';
import { startInvoiceKit, type InvoiceKit } from '../../service/invoicing/run/testing/invoice-kit';
import { describeEachStore } from '../../service/store/testing/test-stores';
import { executeActions } from '../actions/testing/card-walk';
import { namesOf } from '../../service/identity/people';
import { HOME_TENANT, startBotHarness, USER_A, USER_B, type BotHarness } from './testing/bot-harness';

/** The local day (Copenhagen) with the most invoiceable appointments in the seeded data. */
async function busiestDay(kit: InvoiceKit): Promise<string> {
  const result = await queryUnbilled(kit.db, { businessId: kit.h.businessId, state: 'invoiceable', limit: 1 }, { now: kit.h.clock(), setup: kit.setup });
  const day = [...result.byDay].sort((a, b) => b.count - a.count)[0];
  if (!day) throw new Error('the seed has nothing to invoice');
  return day.day;
}

interface InvokeBody {
  statusCode: number;
  type: string;
  value: Record<string, unknown>;
}

describeEachStore('bot over POST /api/messages (emulators, stand-in connector)', (getStore, suite) => {
  let kit: InvoiceKit;
  let bot: BotHarness;
  let other: BotHarness;
  let day: string;

  beforeAll(async () => {
    kit = await startInvoiceKit(getStore().db);
    bot = await startBotHarness(kit);
    // A second process: its own store connection, runner and adapter on the same database.
    other = await startBotHarness(kit, (await suite.reopen()).db);
    day = await busiestDay(kit);
  });
  afterAll(async () => {
    await bot?.close();
    await other?.close();
    await kit?.h.close();
  });

  const invoke = (h: BotHarness, user: typeof USER_A, id: string, verb: string, data: unknown, trigger: 'manual' | 'automatic') =>
    h.post(
      h.activity(
        { type: 'invoke', name: 'adaptiveCard/action', id, replyToId: 'act-preview', value: { action: { type: 'Action.Execute', verb, data }, trigger } },
        user,
      ),
    );
  const runCount = async () =>
    (
      await kit.db
        .selectFrom('invoice_runs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  const lastCard = (h: BotHarness) => {
    const cards = h.connector.cards();
    return cards[cards.length - 1]!;
  };

  async function preview(text: string): Promise<{ verb: string; data: unknown; activityId: string }> {
    const before = bot.connector.calls.length;
    const r = await bot.post(bot.activity({ type: 'message', id: `m-${text}`, text }));
    expect(r.status).toBeLessThan(300);
    const sent = bot.connector.cards((c) => bot.connector.calls.indexOf(c) >= before);
    expect(sent).toHaveLength(1);
    const action = executeActions(sent[0]!.card).find((a) => a.verb === 'invoiceAll');
    if (!action) throw new Error('the preview has no Invoice button');
    return { verb: action.verb, data: action.data, activityId: `act-${bot.connector.calls.indexOf(sent[0]!.call) + 1}` };
  }

  it('answers help, and an unknown command with the help card saying what it did not understand', async () => {
    await bot.post(bot.activity({ type: 'message', id: 'm1', text: 'help' }));
    expect(JSON.stringify(lastCard(bot).card)).toMatch(/invoice yesterday/);
    await bot.post(bot.activity({ type: 'message', id: 'm2', text: 'make me a sandwich' }));
    const help = JSON.stringify(lastCard(bot).card);
    expect(help).toMatch(/sandwich/);
    expect(help).toMatch(/invoice yesterday/);
    expect(await runCount()).toBe(0);
  });

  it('stores the conversation on install and forgets it on uninstall', async () => {
    const conversation = { id: '19:team-general@thread.tacv2', conversationType: 'channel', tenantId: HOME_TENANT };
    const channelData = { tenant: { id: HOME_TENANT }, team: { id: '19:team-general@thread.tacv2' }, channel: { id: '19:team-general@thread.tacv2' } };
    await bot.post(bot.activity({ type: 'conversationUpdate', id: 'c1', conversation, channelData, membersAdded: [{ id: '28:bot' }] }));
    const stored = await bot.conversations.get(conversation.id);
    expect(stored).toMatchObject({ teamId: '19:team-general@thread.tacv2', installedBy: USER_A.aadObjectId, serviceUrl: bot.connector.serviceUrl });
    await bot.post(bot.activity({ type: 'installationUpdate', id: 'c2', action: 'remove', conversation, channelData }));
    expect(await bot.conversations.get(conversation.id)).toBeUndefined();
  });

  it('refuses a user who is not an invoicer: refusal card, nothing created', async () => {
    const { verb, data } = await preview(`invoice ${day}`);
    kit.setSetup({ roles: { admins: [], invoicers: ['33333333-3333-3333-3333-333333333333'], unmatched: [] } });
    try {
      const r = await invoke(bot, USER_A, 'i-refused', verb, data, 'manual');
      expect(r.status).toBe(200);
      expect(JSON.stringify(r.body)).toMatch(/not allowed|may not|permission/i);
    } finally {
      kit.setSetup({ roles: { admins: [], invoicers: [], unmatched: [] } });
    }
    expect(await runCount()).toBe(0);
    expect(kit.bcInvoices()).toHaveLength(0);
  });

  it('invoices what the card showed or nothing: a click after an appointment was excluded answers the card as it stands, to be clicked again', async () => {
    const { verb, data } = await preview(`invoice ${day}`);
    const ready = await queryUnbilled(
      kit.db,
      { businessId: kit.h.businessId, state: 'invoiceable', from: day, to: day, limit: 1 },
      { now: kit.h.clock(), setup: kit.setup },
    );
    const gone = ready.rows[0]!;
    const excluded = await excludeAppointment(
      { db: kit.db, clock: kit.h.clock },
      { businessId: kit.h.businessId, appointmentId: gone.id, actor: 'tab-user', source: 'tab' },
    );
    expect(excluded.ok).toBe(true);
    try {
      const stale = await invoke(bot, USER_A, 'i-stale', verb, data, 'manual');
      expect(stale.status).toBe(200);
      expect(await runCount()).toBe(0);
      const card = (stale.body as InvokeBody).value;
      expect(JSON.stringify(card)).toContain('Nothing was invoiced: the appointments changed since this card was shown.');
      const again = executeActions(card).find((a) => a.verb === 'invoiceAll')!;
      expect(again.data).toEqual({ ...(data as object), shown: expect.not.stringMatching((data as { shown: string }).shown) });
    } finally {
      await includeAppointment({ db: kit.db, clock: kit.h.clock }, { businessId: kit.h.businessId, appointmentId: gone.id, actor: 'tab-user', source: 'tab' });
    }
  });

  it('previews, never invoices on an automatic refresh, and invoices once when two users in two processes click at once', async () => {
    const { verb, data, activityId } = await preview(`invoice ${day}`);
    expect(data).toEqual({ cardKind: 'invoicePreview', previewId: expect.any(String), shown: expect.stringMatching(/^[\w-]{22}$/) });

    expect(await runCount()).toBe(0);
    const refreshed = await invoke(bot, USER_A, 'i-auto', verb, data, 'automatic');
    expect(refreshed.status).toBe(200);
    expect((refreshed.body as InvokeBody).type).toBe('application/vnd.microsoft.card.adaptive');
    expect(await runCount()).toBe(0);

    const [a, b] = await Promise.all([invoke(bot, USER_A, 'i1', verb, data, 'manual'), invoke(other, USER_B, 'i2', verb, data, 'manual')]);
    for (const r of [a, b]) {
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard' } });
    }
    expect(await runCount()).toBe(1);
    // Who clicked is remembered by their Teams name, for the History.
    const { requested_by: actor } = await kit.db.selectFrom('invoice_runs').select('requested_by').executeTakeFirstOrThrow();
    expect(await namesOf(kit.db, [actor])).toEqual(new Map([[actor, 'Test User']]));
    await bot.actions.idle();
    await other.actions.idle();
    const created = kit.bcInvoices().length;
    expect(created).toBeGreaterThan(0);

    // The shared message was edited for everyone, ending with the result.
    const edits = [...bot.connector.calls, ...other.connector.calls].filter((c) => c.method === 'PUT' && c.url.endsWith(`/activities/${activityId}`));
    expect(edits.length).toBeGreaterThan(0);
    expect(JSON.stringify(edits[edits.length - 1]!.body)).toMatch(/retryFailed|S-INV|invoice/i);

    const later = await invoke(bot, USER_B, 'i3', verb, data, 'manual');
    expect(later.status).toBe(200);
    // A later click shows the run's final state: the invoices it created.
    const laterCard = JSON.stringify(later.body);
    expect(laterCard).toMatch(/Created \d+ (of \d+ )?draft invoices/);
    for (const invoice of kit.bcInvoices()) expect(laterCard).toContain(invoice.number);
    await bot.actions.idle();
    expect(await runCount()).toBe(1);
    expect(kit.bcInvoices()).toHaveLength(created);
  });
});
