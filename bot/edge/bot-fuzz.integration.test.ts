import fc from 'fast-check';
import { startInvoiceKit, type InvoiceKit } from '../../service/invoicing/run/testing/invoice-kit';
import { describeEachStore } from '../../service/store/testing/test-stores';
import { CARD_VERBS } from '../cards/action-data';
import { HANDLED_ACTIVITY_TYPES } from './activity-gate';
import { startBotHarness, type BotHarness } from './testing/bot-harness';

/*
 * Generated activities at POST /api/messages: messages with command text and junk, card actions
 * (Action.Execute) whose verb and data are anything a client could send, other invokes and
 * activity types, and broken envelopes. No answer is a 5xx; a card action answered 200 carries a
 * card or a refusal in words (the Universal Actions response), never a crash. Seeded.
 */

const SEED = 20261204;
const RUNS = 250;

const junkText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '',
    '\u0000',
    '\u001b',
    '😀',
    '\ud800',
    '<at>Bookings</at>',
    'x'.repeat(3_000),
    '2026-02-23..2026-03-01',
    '0001-01-01..9999-12-31',
    'run-1',
    '../x',
  ),
);
const commandText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'invoice',
        'fakturer',
        'unbilled',
        'summary',
        'status',
        'help',
        'sync',
        'now',
        'yesterday',
        'last',
        'week',
        '2026-02-23..2026-03-01',
        '2001-01-01..2026-01-01',
        'anna@contoso.com',
      ),
      junkText,
    ),
    { maxLength: 5 },
  )
  .map((w) => w.join(' '));
const cardData = fc.oneof(
  fc.record(
    {
      cardKind: fc.constantFrom('dailySummary', 'invoicePreview', 'runProgress', 'runResult', 'other'),
      periodKey: junkText,
      previewId: junkText,
      runId: junkText,
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);
const cardAction = fc.record(
  {
    action: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record(
          { type: fc.constant('Action.Execute'), verb: fc.oneof(fc.constantFrom(...Object.values(CARD_VERBS)), junkText), data: cardData },
          { requiredKeys: ['type', 'verb'] },
        ),
      },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    ),
    trigger: fc.oneof(fc.constantFrom('manual', 'automatic'), junkText),
  },
  { requiredKeys: [] },
);

describeEachStore('fuzzing the bot endpoint (activities and card payloads)', (getStore) => {
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

  test(`${RUNS} generated activities: no 5xx; card actions answer a card or a refusal in words`, async () => {
    const activity = fc.oneof(
      { weight: 4, arbitrary: fc.record({ type: fc.constant('message'), text: commandText }) },
      { weight: 4, arbitrary: fc.record({ type: fc.constant('invoke'), name: fc.constant('adaptiveCard/action'), value: cardAction }) },
      {
        weight: 1,
        arbitrary: fc.record(
          {
            type: fc.oneof(fc.constantFrom(...HANDLED_ACTIVITY_TYPES, 'event', 'typing', 'messageReaction'), junkText),
            name: junkText,
            value: fc.jsonValue({ maxDepth: 2 }),
            text: junkText,
          },
          { requiredKeys: ['type'] },
        ),
      },
      {
        weight: 1,
        arbitrary: fc.record(
          {
            conversation: fc.jsonValue({ maxDepth: 2 }),
            from: fc.jsonValue({ maxDepth: 2 }),
            channelData: fc.jsonValue({ maxDepth: 2 }),
            type: fc.constant('message'),
          },
          { requiredKeys: ['type'] },
        ),
      },
    );
    const counts = new Map<number, number>();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(activity, async (extra) => {
        n += 1;
        const sent = bot.activity({ id: `fuzz-${n}`, ...extra });
        const res = await bot.post(sent);
        counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
        const label = `${JSON.stringify(sent).slice(0, 400)} -> ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
        expect([label, res.status < 500]).toEqual([label, true]);
        if (extra.type === 'invoke' && res.status === 200) {
          // A card (the refreshed one) or a Universal Actions error with a message in words.
          const body = res.body as { type?: string; value?: { message?: string } };
          const isCard = body.type === 'application/vnd.microsoft.card.adaptive';
          const isRefusalInWords = body.type === 'application/vnd.microsoft.error' && /[A-Za-z]{2,} [A-Za-z]{2,}/.test(body.value?.message ?? '');
          expect([label, isCard || isRefusalInWords]).toEqual([label, true]);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    await bot.actions.stop();
    expect([...counts.keys()]).toEqual(expect.arrayContaining([200, 400]));
    console.info(`bot fuzz: ${RUNS} activities, answers by status ${JSON.stringify(Object.fromEntries([...counts].sort()))}`);
  }, 120_000);
});
