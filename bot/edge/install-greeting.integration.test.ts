import { startInvoiceKit, type InvoiceKit } from '../../service/invoicing/run/testing/invoice-kit';
import { describeEachStore } from '../../service/store/testing/test-stores';
import { HOME_TENANT, startBotHarness, type BotHarness } from './testing/bot-harness';

describeEachStore('the bot greets once when it is installed (POST /api/messages, stand-in connector)', (getStore) => {
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

  const cardsSince = (before: number) => bot.connector.cards((c) => bot.connector.calls.indexOf(c) >= before).map((c) => JSON.stringify(c.card));

  it('in a personal chat: one greeting with three commands, though Teams announces the install twice', async () => {
    const conversation = { id: 'a:greeted-personally', conversationType: 'personal', tenantId: HOME_TENANT };
    const before = bot.connector.calls.length;
    expect((await bot.post(bot.activity({ type: 'installationUpdate', id: 'g1', action: 'add', conversation }))).status).toBeLessThan(300);
    await bot.post(bot.activity({ type: 'conversationUpdate', id: 'g2', conversation, membersAdded: [{ id: '28:bot' }] }));
    const cards = cardsSince(before);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain('Hello from Bookings Invoicing');
    expect(cards[0]).toContain('"value":"invoice yesterday"');
    expect(await bot.conversations.get(conversation.id)).toMatchObject({ conversationType: 'personal' });
  });

  it('in a team, in Danish: the daily summary can be posted here, and a button opens Setup', async () => {
    const conversation = { id: '19:greeted-team@thread.tacv2', conversationType: 'channel', tenantId: HOME_TENANT };
    const channelData = { tenant: { id: HOME_TENANT }, team: { id: conversation.id }, channel: { id: conversation.id } };
    const before = bot.connector.calls.length;
    await bot.post(bot.activity({ type: 'conversationUpdate', id: 'g3', locale: 'da-DK', conversation, channelData, membersAdded: [{ id: '28:bot' }] }));
    const cards = cardsSince(before);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain('daglig oversigt');
    expect(cards[0]).toContain('"type":"Action.OpenUrl","title":"Vælg den under Opsætning"');
    expect(cards[0]).not.toContain('imBack');
  });
});
