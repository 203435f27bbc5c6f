/** @jest-environment jsdom */
import { TextEncoder } from 'node:util';
import * as AC from 'adaptivecards';
import { CARD_VERBS, cardActionDataSchemas, invoiceAllDataSchema } from './action-data';
import { appointments, context, PERIOD, TAB } from './testing/card-fixtures';
import type { AppointmentRow, RunResultInput } from './card-input';
import type { CardLocale } from './card-locale';
import { dailySummaryCard } from './daily-summary-card';
import { CARD_BYTE_BUDGET, TEAMS_MESSAGE_LIMIT_BYTES } from './fit-to-limit';
import { helpCard } from './help-card';
import { invoicePreviewCard } from './invoice-preview-card';
import { shownInvoiceable } from './shown-invoiceable';
import { refusalCard } from './refusal-card';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCardJson, CardTemplateError, renderCard } from './render-card';
import { runProgressCard } from './run-progress-card';
import { runResultCard } from './run-result-card';
import { statusCard } from './status-card';
import type { TemplateData } from './template-data';
import { unbilledListCard } from './unbilled-list-card';

// Browsers and Node have TextEncoder (cardBytes measures with it); jest's jsdom does not.
Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? TextEncoder });

beforeAll(() => {
  // The package needs a markdown processor to render; the text itself is what the tests check.
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    result.didProcess = true;
  };
});

function parseErrors(json: AdaptiveCardJson): string[] {
  const card = new AC.AdaptiveCard();
  const serialization = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, serialization);
  const events = Array.from({ length: serialization.eventCount }, (_, i) => serialization.getEventAt(i).message);
  const validation = card.validateProperties().validationEvents.map((e) => e.message);
  const rendered: unknown = card.render();
  const { HTMLElement } = globalThis as unknown as { HTMLElement: abstract new () => object };
  if (!(rendered instanceof HTMLElement)) events.push('render() returned no element');
  return [...events, ...validation];
}

function objects(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(objects);
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return [o, ...Object.values(o).flatMap(objects)];
  }
  return [];
}

function executeActions(card: AdaptiveCardJson): { verb: string; data: Record<string, unknown> }[] {
  return objects(card)
    .filter((o) => o.type === 'Action.Execute')
    .map((o) => ({ verb: String(o.verb), data: (o.data ?? {}) as Record<string, unknown> }));
}

function runResult(invoices: number, failures: number, name = (i: number) => `Kunde ${i}`): RunResultInput {
  return {
    runId: 'run_01HZX3',
    state: 'completed',
    planned: invoices + failures,
    created: invoices,
    failed: failures,
    invoices: Array.from({ length: invoices }, (_, i) => ({
      number: `S-INV${103_000 + i}`,
      url: `https://businesscentral.dynamics.com/tenant/Production/?company=CRONUS%20DK&page=43&filter='No.' IS 'S-INV${103_000 + i}'`,
      customerName: name(i),
      amount: { minor: 62_500 + i, currency: 'DKK' },
    })),
    failures: Array.from({ length: failures }, (_, i) => ({ customerName: name(i), reason: `Customer ${i} is blocked in Business Central` })),
    counts: { appointments: invoices + 2, invoices, customers: invoices },
  };
}

function everyCard(locale: CardLocale): [string, AdaptiveCardJson][] {
  const ctx = context(locale);
  return [
    ['daily summary, 500 appointments', dailySummaryCard({ period: PERIOD, appointments: appointments(500) }, ctx).card],
    ['daily summary, nothing', dailySummaryCard({ period: PERIOD, appointments: [] }, ctx).card],
    ['invoice preview', invoicePreviewCard({ previewId: 'pv_123', period: PERIOD, customer: 'anne@example.dk', appointments: appointments(12) }, ctx).card],
    ['unbilled list', unbilledListCard({ period: null, customer: null, appointments: appointments(40) }, ctx).card],
    [
      'unbilled list with No-show buttons',
      unbilledListCard(
        {
          period: PERIOD,
          customer: 'Søren & Co',
          note: 'Markeret som udeblevet.',
          appointments: appointments(40).map((a, i) => ({ ...a, noShow: i % 3 === 0, canMarkNoShow: i % 3 !== 0 })),
        },
        ctx,
      ).card,
    ],
    ['run progress 0 %', runProgressCard({ runId: 'run_1', state: 'queued', planned: 40, created: 0, failed: 0 }, ctx)],
    ['run progress 45 %', runProgressCard({ runId: 'run_1', state: 'running', planned: 40, created: 16, failed: 2, refreshUserIds: ['29:1abc'] }, ctx)],
    ['run progress 100 %', runProgressCard({ runId: 'run_1', state: 'running', planned: 40, created: 40, failed: 0 }, ctx)],
    ['run result with failures', runResultCard(runResult(30, 4), ctx).card],
    ['run result, all created', runResultCard(runResult(3, 0), ctx).card],
    ['help', helpCard({}, locale)],
    ['help after an impossible date', helpCard({ notUnderstood: { text: 'invoice 2026-02-30', problem: 'invalidDate' } }, locale)],
    [
      'status',
      statusCard(
        {
          bookingsBusiness: 'Salon Nørrebro',
          businessCentralCompany: 'CRONUS Danmark A/S',
          lastSync: { at: new Date('2026-11-03T06:00:00Z'), outcome: 'succeeded' },
          unbilledCount: 42,
          cannotInvoiceCount: 3,
          lastRun: { at: new Date('2026-11-02T08:15:00Z'), created: 17, failed: 1 },
          nextSummaryAt: new Date('2026-11-04T06:00:00Z'),
        },
        ctx,
      ),
    ],
    [
      'status, never synced',
      statusCard(
        { bookingsBusiness: 'x', businessCentralCompany: 'y', lastSync: null, unbilledCount: 0, cannotInvoiceCount: 0, lastRun: null, nextSummaryAt: null },
        ctx,
      ),
    ],
    ['refusal', refusalCard(locale)],
  ];
}

describe.each(['da-DK', 'en-US'] as const)('every card in %s', (locale) => {
  const cards = everyCard(locale);

  test.each(cards)('%s parses at schema 1.5 without errors and renders', (_, card) => {
    expect(card.version).toBe('1.5');
    expect(parseErrors(card)).toEqual([]);
  });

  test.each(cards)('%s has no unbound ${...} and no nulls left by the templates', (_, card) => {
    const json = JSON.stringify(card);
    expect(json).not.toContain('${');
    expect(json).not.toContain('null');
  });

  test.each(cards)('%s: every Action.Execute carries data its handler accepts', (_, card) => {
    for (const action of executeActions(card)) {
      const schema = cardActionDataSchemas[action.verb as keyof typeof cardActionDataSchemas];
      expect(schema).toBeDefined();
      expect(schema.safeParse(action.data).success).toBe(true);
    }
  });
});

test('the harness does report a broken card', () => {
  expect(parseErrors({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'NoSuchElement' }] }).length).toBeGreaterThan(0);
});

describe('Invoice all', () => {
  test('names only the period or the preview and a digest of what it showed: no amounts, no appointment ids', () => {
    const rows = appointments(60);
    const summary = dailySummaryCard({ period: PERIOD, appointments: rows }, context()).card;
    const preview = invoicePreviewCard({ previewId: 'pv_123', period: PERIOD, customer: null, appointments: rows }, context()).card;
    const invoiceActions = [...executeActions(summary), ...executeActions(preview)].filter((a) => a.verb === CARD_VERBS.invoiceAll);
    const shown = shownInvoiceable(rows);
    expect(invoiceActions.map((a) => a.data)).toEqual([
      { cardKind: 'dailySummary', periodKey: '2026-11-02..2026-11-02', shown },
      { cardKind: 'invoicePreview', previewId: 'pv_123', shown },
    ]);
    // Another appointment, or another amount, shows as another digest; the order they are listed in does not.
    expect(shownInvoiceable([...rows].reverse())).toBe(shown);
    expect(shownInvoiceable(rows.slice(1))).not.toBe(shown);
    expect(shownInvoiceable(rows.map((r, i) => (i === 0 && r.price ? { ...r, price: { ...r.price, minor: r.price.minor + 100 } } : r)))).not.toBe(shown);
    for (const { data } of invoiceActions) {
      expect(invoiceAllDataSchema.parse(data)).toEqual(data);
      const json = JSON.stringify(data);
      for (const row of rows) expect(json).not.toContain(row.id);
      for (const row of rows) if (row.price) expect(json).not.toContain(String(row.price.minor));
      expect(json).not.toMatch(/kr|DKK/u);
    }
  });

  test('is absent when nothing can be invoiced', () => {
    const blocked: AppointmentRow[] = appointments(5).map((r) => ({ ...r, reason: 'Kunden har ingen e-mail' }));
    const card = dailySummaryCard({ period: PERIOD, appointments: blocked }, context()).card;
    expect(executeActions(card).filter((a) => a.verb === CARD_VERBS.invoiceAll)).toEqual([]);
  });

  test('Open Unbilled Bookings deep-links to the tab with the period', () => {
    const card = dailySummaryCard({ period: PERIOD, appointments: appointments(3) }, context('en-US')).card;
    const open = objects(card).find((o) => o.type === 'Action.OpenUrl');
    const url = new URL(String(open?.url));
    expect(url.pathname).toBe(`/l/entity/${TAB.appId}/unbilled`);
    expect(JSON.parse(url.searchParams.get('context') ?? '{}')).toEqual({ subEntityId: 'from=2026-11-02&to=2026-11-02' });
  });
});

describe('refresh', () => {
  test('the daily summary refreshes on demand by default and automatically for named users', () => {
    const card = dailySummaryCard({ period: PERIOD, appointments: appointments(3) }, context()).card;
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'refreshCard', data: { cardKind: 'dailySummary', periodKey: PERIOD.key } },
      userIds: [],
    });
    const forUser = dailySummaryCard({ period: PERIOD, appointments: appointments(3), refreshUserIds: ['29:1abc'] }, context()).card;
    expect((forUser.refresh as { userIds: string[] }).userIds).toEqual(['29:1abc']);
  });

  test('read-only cards have none; the result card has only Retry failed', () => {
    expect(unbilledListCard({ period: null, customer: null, appointments: appointments(3) }, context()).card.refresh).toBeUndefined();
    const result = runResultCard(runResult(2, 1), context()).card;
    expect(executeActions(result)).toEqual([{ verb: 'retryFailed', data: { cardKind: 'runResult', runId: 'run_01HZX3' } }]);
    expect(executeActions(runResultCard(runResult(2, 0), context()).card)).toEqual([]);
  });
});

test("an unbilled list row's No-show button names the appointment and the list's filter, never an amount; a marked row has none and says so", () => {
  const rows = appointments(4).map((a, i) => ({ ...a, noShow: i === 0, canMarkNoShow: i !== 0 }));
  const card = unbilledListCard({ period: PERIOD, customer: 'Søren & Co', appointments: rows }, context()).card;
  const actions = executeActions(card);
  expect(actions.map((a) => a.verb)).toEqual(['markNoShow', 'markNoShow', 'markNoShow']);
  expect(actions.map((a) => (a.data as { appointmentId: string }).appointmentId).sort()).toEqual(
    rows
      .slice(1)
      .map((r) => r.id)
      .sort(),
  );
  expect(actions[0]!.data).toEqual({
    cardKind: 'unbilledList',
    appointmentId: expect.any(String),
    firstDay: PERIOD.firstDay,
    lastDay: PERIOD.lastDay,
    label: PERIOD.label,
    customer: 'Søren & Co',
  });
  expect(JSON.stringify(actions)).not.toMatch(/kr|DKK|45000/u);
  expect(JSON.stringify(card.body)).toContain(' · **Udeblevet**');
});

describe('size', () => {
  const longName = (i: number) => `Ægir Østergård-Åkesson 🙂 ${'Æøå漢字'.repeat(20)} ${i}`;

  function activityBytes(card: AdaptiveCardJson): number {
    const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const activity = {
      type: 'message',
      id: '1730620800000',
      timestamp: '2026-11-03T06:00:00.000Z',
      serviceUrl: `https://smba.trafficmanager.net/emea/${tenant}/`,
      channelId: 'msteams',
      from: { id: `28:${TAB.appId}`, name: 'Bookings Invoicing' },
      conversation: { id: `19:${'a1b2c3d4'.repeat(8)}@thread.tacv2;messageid=1730620800000`, conversationType: 'channel', tenantId: tenant },
      recipient: { id: `29:${'x'.repeat(120)}`, name: 'Mette Hansen', aadObjectId: tenant },
      channelData: { tenant: { id: tenant }, channel: { id: `19:${'a1b2c3d4'.repeat(8)}@thread.tacv2` }, team: { id: `19:${'f'.repeat(32)}@thread.tacv2` } },
      attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
    };
    return new TextEncoder().encode(JSON.stringify(activity)).length;
  }

  test('500 appointments with long unicode names stay under 28 KB, the rest summarised', () => {
    const rows = appointments(500, longName);
    const fitted = dailySummaryCard({ period: PERIOD, appointments: rows }, context(), { maxRows: 500 });
    expect(fitted.bytes).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
    expect(activityBytes(fitted.card)).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
    expect(fitted.rowsShown).toBeGreaterThan(0);
    expect(fitted.rowsShown).toBeLessThan(500);
    const ready = rows.filter((r) => r.reason === null && r.price !== null).length;
    expect(JSON.stringify(fitted.card)).toContain(`… og ${ready - fitted.rowsShown} mere`);
    expect(parseErrors(fitted.card)).toEqual([]);
  });

  test('the default shows the first 25 and counts the rest', () => {
    const rows = appointments(500);
    const fitted = dailySummaryCard({ period: PERIOD, appointments: rows }, context('en-US'));
    const ready = rows.filter((r) => r.reason === null && r.price !== null).length;
    expect(fitted.rowsShown).toBe(25);
    expect(JSON.stringify(fitted.card)).toContain(`… and ${ready - 25} more`);
    expect(activityBytes(fitted.card)).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
  });

  test.each([
    [
      'invoice preview',
      () => invoicePreviewCard({ previewId: 'pv_1', period: PERIOD, customer: null, appointments: appointments(500, longName) }, context(), { maxRows: 500 }),
    ],
    ['unbilled list', () => unbilledListCard({ period: PERIOD, customer: null, appointments: appointments(500, longName) }, context(), { maxRows: 500 })],
    ['run result', () => runResultCard(runResult(500, 500, longName), context(), { maxRows: 500 })],
  ])('%s with 500 rows stays under 28 KB', (_, build) => {
    const fitted = build();
    expect(fitted.rowsShown).toBeLessThan(500);
    expect(activityBytes(fitted.card)).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
    expect(parseErrors(fitted.card)).toEqual([]);
  });
});

describe('names are text, not markdown', () => {
  const hostile = ['*bold*', '[x](http://evil)', '<b>x</b>', '# h'];
  const escaped = ['\\*bold\\*', '\\[x\\]\\(http://evil\\)', '\\<b\\>x\\</b\\>', '\\# h'];

  function texts(card: AdaptiveCardJson): string[] {
    return objects(card).flatMap((o) => [o.text, o.title, o.value].filter((v): v is string => typeof v === 'string'));
  }

  function expectEscaped(card: AdaptiveCardJson): void {
    const all = texts(card);
    hostile.forEach((raw, i) => {
      expect(all.some((t) => t.includes(escaped[i] ?? ''))).toBe(true);
      const unescaped = all.filter((t) =>
        t
          .split(escaped[i] ?? '')
          .join('')
          .includes(raw),
      );
      expect(unescaped).toEqual([]);
    });
  }

  const rows: AppointmentRow[] = hostile.flatMap((name, i) => {
    const base = appointments(2)[0];
    if (!base) return [];
    return [
      { ...base, id: `a${i}`, customerName: name, serviceName: name, staffName: name, reason: null },
      { ...base, id: `b${i}`, customerName: name, serviceName: name, staffName: name, reason: name },
    ];
  });

  test('in the daily summary, the preview and the unbilled list', () => {
    expectEscaped(dailySummaryCard({ period: PERIOD, appointments: rows }, context()).card);
    expectEscaped(invoicePreviewCard({ previewId: 'pv_1', period: PERIOD, customer: hostile.join(' '), appointments: rows }, context()).card);
    expectEscaped(unbilledListCard({ period: null, customer: null, appointments: rows }, context()).card);
  });

  test('in the run result, the invoice number and its link too', () => {
    const input = runResult(4, 4, (i) => hostile[i] ?? '');
    const card = runResultCard(
      { ...input, invoices: input.invoices.map((inv, i) => ({ ...inv, number: hostile[i] ?? '', url: 'https://bc.example/x) [evil](http://evil' })) },
      context(),
    ).card;
    expectEscaped(card);
    const links = texts(card).filter((t) => t.includes(']('));
    for (const link of links) expect(link).toMatch(/\]\(https:\/\/bc\.example\/x%29%20%5Bevil%5D%28http:\/\/evil\)/u);
  });

  test('in the help notice and the status', () => {
    expectEscaped(helpCard({ notUnderstood: { text: hostile.join(' '), problem: 'noCommand' } }, 'en-US'));
    const status = statusCard(
      {
        bookingsBusiness: hostile.join(' '),
        businessCentralCompany: 'x',
        lastSync: null,
        unbilledCount: 0,
        cannotInvoiceCount: 0,
        lastRun: null,
        nextSummaryAt: null,
      },
      context(),
    );
    expectEscaped(status);
  });
});

test('renderCard refuses data missing a field the template binds', () => {
  const partial = { title: 'x' } as unknown as TemplateData<'refusal'>;
  expect(() => renderCard('refusal', partial)).toThrow(CardTemplateError);
});
