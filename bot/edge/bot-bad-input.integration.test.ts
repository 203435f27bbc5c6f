import { startInvoiceKit, type InvoiceKit } from '../../service/invoicing/run/testing/invoice-kit';
import { describeEachStore } from '../../service/store/testing/test-stores';
import { startBotHarness, type BotHarness } from './testing/bot-harness';

/* Activities that are not what Teams sends are 400 (413 when huge) before the SDK runs a turn: nothing stored, nothing sent. */

describeEachStore('the bot answers bad activities with 4xx', (getStore) => {
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

  const untouched = async () => {
    const conversations = await kit.db.selectFrom('conversations').select('id').execute();
    expect([conversations.length, bot.connector.calls.length]).toEqual([0, 0]);
  };

  test('an activity without a type, or with an empty one, is 400', async () => {
    const { type: _type, ...noType } = bot.activity({ type: 'message', text: 'help' });
    expect((await bot.post(noType)).status).toBe(400);
    expect((await bot.post(bot.activity({ type: '', text: 'help' }))).status).toBe(400);
    expect((await bot.post(bot.activity({ type: 42, text: 'help' }))).status).toBe(400);
    await untouched();
  });

  test('an invoke the bot does not handle is 400 with an invoke error body, not 501', async () => {
    for (const name of ['task/fetch', 'composeExtension/query', 'no/such', undefined]) {
      const res = await bot.post(bot.activity({ type: 'invoke', ...(name === undefined ? {} : { name }), value: {} }));
      expect([name, res.status]).toEqual([name, 400]);
      expect(res.body).toMatchObject({
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: expect.stringMatching(/does not handle the invoke/) },
      });
    }
    await untouched();
  });

  test('an adaptiveCard/action whose value is not an Action.Execute with a verb is 400', async () => {
    for (const value of [
      undefined,
      null,
      'x',
      {},
      { action: {} },
      { action: { type: 'Action.Submit', verb: 'invoiceAll' } },
      { action: { type: 'Action.Execute', verb: '' } },
    ]) {
      const res = await bot.post(bot.activity({ type: 'invoke', name: 'adaptiveCard/action', value }));
      expect([value, res.status]).toEqual([value, 400]);
      expect(res.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    }
    await untouched();
  });

  test('control characters anywhere in an activity are 400; line breaks in text are not', async () => {
    for (const extra of [
      { text: 'help\u0000' },
      { from: { id: '29:user-a\u0000', name: 'A' } },
      { conversation: { id: 'a:x\u0000', conversationType: 'personal' } },
      { value: { k: '\u001b[2J' } },
    ]) {
      const res = await bot.post(bot.activity({ type: 'message', text: 'help', ...extra }));
      expect([extra, res.status]).toEqual([extra, 400]);
    }
    await untouched();
    const fine = await bot.post(bot.activity({ type: 'message', id: 'lines', text: 'help\nplease' }));
    expect(fine.status).toBe(200);
  });

  test('a 10 MB activity is answered 413, not a cut connection', async () => {
    const res = await bot.post(bot.activity({ type: 'message', text: 'x'.repeat(10 * 1024 * 1024) }));
    expect(res.status).toBe(413);
  });
});
