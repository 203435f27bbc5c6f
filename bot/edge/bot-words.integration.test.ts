import { queryUnbilled } from '../../service/unbilled';
import { startInvoiceKit, type InvoiceKit } from '../../service/invoicing/run/testing/invoice-kit';
import { countsOf } from '../../service/invoicing/run/run-counts';
import { RAW_DETAIL } from '../../service/invoicing/run/run-error-words';
import { SYNC_ERROR_WORDS } from '../../service/jobs/sync-error-words';
import type { SyncRun } from '../../service/jobs/sync-run-store';
import { describeEachStore } from '../../service/store/testing/test-stores';
import { CARD_ACTION_ERROR_WORDS } from '../actions/card-errors';
import { executeActions } from '../actions/testing/card-walk';
import { startBotHarness, type BotHarness } from './testing/bot-harness';

const RAW = 'GET https://graph.microsoft.com/v1.0/solutions/bookingBusinesses/x/calendarView failed after 5 attempts: 503 BKI-MOCWY3ZQ';

/** Every string a person reads on a card: text, titles, fact values; never link targets or action data. */
function readable(card: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const key of ['text', 'title', 'value']) if (typeof o[key] === 'string') out.push(o[key]);
      Object.entries(o).forEach(([key, child]) => key !== 'url' && key !== 'data' && walk(child));
    }
  };
  walk(card);
  return out;
}

function failedSync(errorKind: SyncRun['errorKind']): SyncRun {
  return {
    id: 'sync-9',
    businessId: 'x',
    state: 'failed',
    phase: 'appointments',
    progress: { done: 0, total: 0 },
    counts: { added: 0, updated: 0, unchanged: 0, removed: 0, rejected: 0 },
    error: RAW,
    errorKind,
    requestedBy: 'schedule',
    source: 'schedule',
    startedAt: '2026-03-02T08:00:00.000Z',
    updatedAt: '2026-03-02T08:00:05.000Z',
    finishedAt: '2026-03-02T08:00:05.000Z',
  };
}

describeEachStore('the bot says counts and errors in words', (getStore) => {
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

  const texts = (from: number) =>
    bot.connector.calls
      .slice(from)
      .map((c) => (c.body as { text?: unknown } | undefined)?.text)
      .filter((t): t is string => typeof t === 'string');
  const say = async (text: string, locale: string) => {
    const from = bot.connector.calls.length;
    const r = await bot.post(bot.activity({ type: 'message', id: `m-${text}-${from}`, text, locale }));
    expect(r.status).toBeLessThan(300);
    return from;
  };

  it.each([
    ['en-US', 'sync now', 'en', 'graph-throttled'],
    ['da-DK', 'synkroniser nu', 'da', 'bc-unauthorised'],
  ] as const)('in %s, "%s" after a failed sync says the failure in words, never the request', async (locale, command, language, kind) => {
    const original = bot.services.sync;
    bot.services.sync = { requestSync: async () => 'sync-10', recentRuns: async () => [failedSync(kind)] };
    try {
      const said = texts(await say(command, locale)).join('\n');
      expect(said).toContain(SYNC_ERROR_WORDS[kind][language]);
      expect(said).not.toMatch(RAW_DETAIL);
      expect(said).not.toContain('BKI-');
    } finally {
      bot.services.sync = original;
    }
  });

  it.each([
    ['en-US', 'sync now', /could not be started/],
    ['da-DK', 'synkroniser nu', /kunne ikke startes/],
  ] as const)('in %s, a sync that cannot start is answered in words', async (locale, command, words) => {
    const original = bot.services.sync;
    bot.services.sync = {
      requestSync: async () => Promise.reject(new Error(`Another process holds the sync lease: ${RAW}`)),
      recentRuns: async () => [],
    };
    try {
      const said = texts(await say(command, locale)).join('\n');
      expect(said).toMatch(words);
      expect(said).not.toMatch(RAW_DETAIL);
    } finally {
      bot.services.sync = original;
    }
  });

  it.each([
    ['en-US', 'status', 'en', 'bc-company-missing'],
    ['da-DK', 'tilstand', 'da', 'graph-unreachable'],
    ['en-US', 'status', 'en', 'unknown'],
  ] as const)('in %s, status shows a failed sync in words', async (locale, command, language, kind) => {
    const original = bot.services.sync;
    bot.services.sync = { requestSync: async () => 'sync-10', recentRuns: async () => [failedSync(kind)] };
    try {
      const from = await say(command, locale);
      const cards = bot.connector.cards((c) => bot.connector.calls.indexOf(c) >= from);
      expect(cards).toHaveLength(1);
      const text = readable(cards[0]!.card).join('\n');
      expect(text).toContain(SYNC_ERROR_WORDS[kind][language].replace(/[()]/g, '\\$&'));
      expect(text).not.toMatch(RAW_DETAIL);
    } finally {
      bot.services.sync = original;
    }
  });

  it.each([
    ['en-US', 'en'],
    ['da-DK', 'da'],
  ] as const)('in %s, a click on a card that is not ours is answered in words', async (locale, language) => {
    const r = await bot.post(
      bot.activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `bad-${locale}`,
        locale,
        value: { action: { type: 'Action.Execute', verb: 'invoiceAll', data: { cardKind: 'invoicePreview', previewId: 'nope' } }, trigger: 'manual' },
      }),
    );
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ statusCode: 400, value: { message: CARD_ACTION_ERROR_WORDS['bad-action'][language] } });
  });

  it('the Invoice button says appointments and invoices apart, as many as the run then creates', async () => {
    const result = await queryUnbilled(kit.db, { businessId: kit.h.businessId, state: 'invoiceable', limit: 1 }, { now: kit.h.clock(), setup: kit.setup });
    const day = [...result.byDay].sort((a, b) => b.count - a.count)[0]!.day;
    const from = await say(`invoice ${day}`, 'en-US');
    const [preview] = bot.connector.cards((c) => bot.connector.calls.indexOf(c) >= from);
    const button = executeActions(preview!.card).find((a) => a.verb === 'invoiceAll')!;
    const said = /^Invoice: (\d+) appointments? → (\d+) invoices?$/.exec(button.title ?? '');
    expect(said).not.toBeNull();

    const r = await bot.post(
      bot.activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: 'click',
        replyToId: 'act-x',
        value: { action: { type: 'Action.Execute', verb: button.verb, data: button.data }, trigger: 'manual' },
      }),
    );
    expect(r.status).toBe(200);
    await bot.actions.idle();
    const run = await kit.db.selectFrom('invoice_runs').select('id').executeTakeFirstOrThrow();
    const done = await bot.services.invoices.getRun(run.id);
    // What the button promised is what the run planned (a blocked customer's invoice may then fail).
    const planned = countsOf(done.invoices);
    expect([planned.appointments, planned.invoices]).toEqual([Number(said![1]), Number(said![2])]);
    expect(planned.invoices).toBeLessThan(planned.appointments);
    const card = readable(
      (
        await bot.post(
          bot.activity({
            type: 'invoke',
            name: 'adaptiveCard/action',
            id: 'look',
            replyToId: 'act-x',
            value: { action: { type: 'Action.Execute', verb: 'refreshCard', data: { cardKind: 'runResult', runId: run.id } }, trigger: 'automatic' },
          }),
        )
      ).body,
    );
    // The result counts what was created.
    expect(card).toContain(`${done.counts.appointments} appointments → ${done.counts.invoices} invoices, ${done.counts.customers} customers`);
  });
});
