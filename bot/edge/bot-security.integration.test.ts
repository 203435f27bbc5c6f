import { startInvoiceKit, type InvoiceKit } from '../../service/invoicing/run/testing/invoice-kit';
import { describeEachStore } from '../../service/store/testing/test-stores';
import { HANDLED_ACTIVITY_TYPES } from './activity-gate';
import { HOME_TENANT, startBotHarness, type BotHarness } from './testing/bot-harness';

const FOREIGN_TENANT = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
/** Every type the bot handles, and some it does not: none may get past the gate from elsewhere. */
const ACTIVITY_TYPES = [...HANDLED_ACTIVITY_TYPES, 'messageReaction', 'event', 'typing'];

const bodyOf = (type: string): Record<string, unknown> => {
  switch (type) {
    case 'message':
      return { text: 'summary last week' };
    case 'invoke':
      return {
        name: 'adaptiveCard/action',
        value: {
          action: { type: 'Action.Execute', verb: 'invoiceAll', data: { cardKind: 'dailySummary', periodKey: '2026-02-23..2026-03-01' } },
          trigger: 'manual',
        },
      };
    case 'conversationUpdate':
      return { membersAdded: [{ id: '28:bot' }] };
    case 'installationUpdate':
      return { action: 'add' };
    default:
      return {};
  }
};

describeEachStore('the bot refuses what is not for it, before anything is read or stored', (getStore) => {
  let kit: InvoiceKit;
  let bot: BotHarness;

  beforeAll(async () => {
    kit = await startInvoiceKit(getStore().db);
    bot = await startBotHarness(kit);
  });
  afterAll(async () => {
    await bot?.close();
    await kit?.h.close();
  });

  const stored = async () => (await kit.db.selectFrom('conversations').select('id').execute()).length;
  const cards = async () => (await kit.db.selectFrom('posted_cards').select('id').execute()).length;

  it.each(ACTIVITY_TYPES)('%s from a tenant not allowed: 403, nothing stored, nothing posted', async (type) => {
    const foreign = { id: `a:foreign-${type}`, conversationType: 'personal', tenantId: FOREIGN_TENANT };
    const res = await bot.post(
      bot.activity({ type, id: `f-${type}`, conversation: foreign, channelData: { tenant: { id: FOREIGN_TENANT } }, ...bodyOf(type) }),
    );
    expect(res.status).toBe(403);
    expect([await stored(), await cards(), bot.connector.calls.length]).toEqual([0, 0, 0]);
  });

  it.each(ACTIVITY_TYPES)('%s naming another tenant in channelData than on the conversation: 400', async (type) => {
    const res = await bot.post(bot.activity({ type, id: `m-${type}`, channelData: { tenant: { id: FOREIGN_TENANT } }, ...bodyOf(type) }));
    expect(res.status).toBe(400);
    expect([await stored(), bot.connector.calls.length]).toEqual([0, 0]);
  });

  it.each(ACTIVITY_TYPES)('%s with a made-up serviceUrl: 400, nothing posted there', async (type) => {
    const res = await bot.post(bot.activity({ type, id: `s-${type}`, serviceUrl: 'https://attacker.example/', ...bodyOf(type) }));
    expect(res.status).toBe(400);
    expect([await stored(), bot.connector.calls.length]).toEqual([0, 0]);
  });

  it('text/plain is 415 and an oversized activity 413, unread', async () => {
    const plain = await fetch(bot.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(bot.activity({ type: 'message', text: 'help' })),
    });
    expect(plain.status).toBe(415);
    const big = await fetch(bot.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bot.activity({ type: 'message', text: 'x'.repeat(300_000) })),
    }).then(
      (r) => r.status,
      () => 413,
    );
    expect(big).toBe(413);
    expect([await stored(), bot.connector.calls.length]).toEqual([0, 0]);
  });

  it("a run card of another conversation is refused; the conversation's own is shown", async () => {
    const at = '2026-03-02T09:00:00.000Z';
    const runId = '7d1c5a3e-0000-4000-8000-00000000000a';
    const home = { id: 'a:conversation-x', conversationType: 'personal', tenantId: HOME_TENANT };
    await bot.post(bot.activity({ type: 'message', id: 'x-help', conversation: home, text: 'help' }));
    await kit.db
      .insertInto('posted_cards')
      .values({
        id: 'pc-x',
        conversation_id: home.id,
        kind: 'invoicePreview',
        period_key: 'k-x',
        payload: JSON.stringify({ firstDay: null, lastDay: null, customer: null, label: null }),
        run_id: runId,
        activity_id: 'act-x',
        created_at: at,
        updated_at: at,
      })
      .execute();
    const refresh = (conversation: typeof home) =>
      bot.post(
        bot.activity({
          type: 'invoke',
          id: `r-${conversation.id}`,
          name: 'adaptiveCard/action',
          conversation,
          value: { action: { type: 'Action.Execute', verb: 'refreshCard', data: { cardKind: 'runResult', runId } }, trigger: 'automatic' },
        }),
      );
    const other = await refresh({ ...home, id: 'a:conversation-y' });
    expect(other.body).toMatchObject({ statusCode: 400 });
    const own = await refresh(home);
    expect(own.body).toMatchObject({ statusCode: 200 });
  });
});
