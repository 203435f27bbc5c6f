import { context, PERIOD, appointments } from '../cards/testing/card-fixtures';
import { dailySummaryCard, invoicePreviewCard, refusalCard, localeOf } from '../cards';
import { RUN_ERROR_KINDS, RAW_DETAIL, runErrorWords } from '../../service/invoicing/run/run-error-words';
import { INVOICE_ERROR_WORDS, STORED_INVOICE_ERRORS } from '../../service/invoicing/run/invoice-error-words';
import type { RunInvoice, RunResult } from '../../service/invoicing/run';
import { BadCardActionError, cardActionErrorWords } from './card-errors';
import { runCard } from './run-card';

const LANGUAGES = ['en', 'da'] as const;
const RAW_ERROR =
  'POST http://127.0.0.1:4200/v2.0/t/production/api/v2.0/companies(c0ffee)/salesInvoices failed after 5 attempts: 500 BKI-MOCWY3ZQ\n    at send (http-client.ts:12:3)';

/** Every string a person reads on a card: text blocks, facts, action titles; never link targets. */
function readable(card: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const key of ['text', 'title', 'value', 'label', 'placeholder']) if (typeof o[key] === 'string') out.push(o[key]);
      Object.entries(o).forEach(([key, child]) => key !== 'url' && key !== 'data' && walk(child));
    }
  };
  walk(card);
  return out;
}

function invoice(n: number, status: RunInvoice['status'], error: string | null = null): RunInvoice {
  return {
    id: `inv-${n}`,
    externalDocumentNumber: `BKI-MOCWY${n}ABCDEF`,
    status,
    customer: { name: `Kunde ${n}`, email: `kunde${n}@example.dk` },
    bcCustomerId: null,
    bcCustomerNumber: null,
    bcInvoiceId: null,
    number: status === 'failed' ? null : `S-INV10300${n}`,
    url: null,
    invoiceDate: '2026-11-02',
    amount: { minor: 62_500, currency: 'DKK' },
    bcTotals: null,
    appointmentIds: [`appt-${n}`],
    error,
    verifyProblem: null,
    draftNumber: null,
    sent: false,
    afterCreateProblem: null,
  };
}

function run(overrides: Partial<RunResult>): RunResult {
  return {
    id: 'run-1',
    state: 'failed',
    finished: true,
    requestedBy: 'anne@example.dk',
    source: 'bot',
    selection: { kind: 'ids', appointmentIds: ['appt-1'] },
    retryOf: null,
    afterCreate: 'draft',
    progress: { planned: 3, created: 1, failed: 2 },
    totals: [],
    counts: { appointments: 1, invoices: 1, customers: 1 },
    invoices: [invoice(1, 'verified'), invoice(2, 'failed', RAW_ERROR), invoice(3, 'failed', RAW_ERROR)],
    skipped: [],
    error: null,
    errorKind: null,
    createdAt: '2026-11-03T08:00:00.000Z',
    finishedAt: '2026-11-03T08:01:00.000Z',
    ...overrides,
  };
}

describe.each(LANGUAGES)('the bot in %s says run errors in the run-error words, never the request', (language) => {
  const ctx = context(localeOf(language));

  it.each(RUN_ERROR_KINDS)('a run stopped on %s', (kind) => {
    const text = readable(runCard(run({ state: 'creating', finished: false, error: runErrorWords(kind), errorKind: kind }), ctx)).join('\n');
    expect(text).toContain(runErrorWords(kind, language));
    expect(text).not.toMatch(RAW_DETAIL);
    expect(text).not.toContain('BKI-');
  });

  it.each(RUN_ERROR_KINDS)('a run that gave up on %s shows that error for each failed invoice', (kind) => {
    const text = readable(runCard(run({ error: runErrorWords(kind), errorKind: kind }), ctx)).join('\n');
    expect(text.split(runErrorWords(kind, language)!).length - 1).toBe(2);
    expect(text).not.toMatch(RAW_DETAIL);
  });

  it('an invoice whose stored reason carries a request says the unknown words; a refusal says so and quotes Business Central', () => {
    const refused = 'Customer 10000 is blocked for invoicing.';
    const text = readable(runCard(run({ invoices: [invoice(1, 'verified'), invoice(2, 'failed', RAW_ERROR), invoice(3, 'failed', refused)] }), ctx)).join('\n');
    expect(text).toContain(INVOICE_ERROR_WORDS.unknown[language]);
    expect(text).toContain(
      `${INVOICE_ERROR_WORDS['bc-refused'][language]} ${language === 'en' ? 'Business Central said' : 'Business Central skrev'}: “${refused}”`,
    );
    expect(text).not.toMatch(RAW_DETAIL);
    expect(text).not.toContain('BKI-');
  });

  it.each([
    ['gave-up', STORED_INVOICE_ERRORS.gaveUp],
    ['no-customer', `${STORED_INVOICE_ERRORS.noCustomerPrefix}: No email address in Bookings`],
    ['wrong-draft-deleted', `${STORED_INVOICE_ERRORS.wrongDraftDeleted}: total 500.00 DKK`],
    ['deleted-before-verify', STORED_INVOICE_ERRORS.deletedBeforeVerify],
  ] as const)('an invoice that failed as %s says the words of that kind, not the stored English', (kind, stored) => {
    const text = readable(runCard(run({ invoices: [invoice(1, 'verified'), invoice(2, 'failed', stored)] }), ctx)).join('\n');
    expect(text).toContain(INVOICE_ERROR_WORDS[kind][language]);
    expect(text).not.toContain(stored);
    expect(text).not.toMatch(RAW_DETAIL);
  });

  it.each([
    ['deleted-before-verify', STORED_INVOICE_ERRORS.deletedBeforeVerify],
    ['deleted-in-bc', STORED_INVOICE_ERRORS.deletedInBc],
  ] as const)('a draft deleted in Business Central (%s) is a failure with its words and Retry, as the run counts it', (kind, stored) => {
    const card = runCard(
      run({ state: 'partial', invoices: [invoice(1, 'verified'), invoice(2, 'deleted', stored)], progress: { planned: 2, created: 1, failed: 1 } }),
      ctx,
    );
    expect(readable(card).join('\n')).toContain(INVOICE_ERROR_WORDS[kind][language]);
    expect(JSON.stringify(card)).toContain('"verb":"retryFailed"');
  });

  it.each([
    ['a card that is not ours', new BadCardActionError('no such card in this conversation')],
    ['a click that failed', new Error(RAW_ERROR)],
  ])('%s is answered in words', (_, err) => {
    const words = cardActionErrorWords(err, language);
    expect(words.length).toBeGreaterThan(30);
    expect(words).not.toMatch(RAW_DETAIL);
    expect(words).not.toContain('BKI-');
  });

  it('the refusal says what to do, without raw detail', () => {
    const text = readable(refusalCard(localeOf(language))).join('\n');
    expect(text).toMatch(language === 'en' ? /Invoicer role/ : /rollen Fakturerer/);
    expect(text).not.toMatch(RAW_DETAIL);
  });
});

describe('the bot counts appointments and invoices apart', () => {
  const counts = { appointments: 17, invoices: 22, customers: 22 };

  it.each([
    ['en-US', 'Invoice all: 17 appointments → 22 invoices', 'Invoice: 17 appointments → 22 invoices', '17 appointments → 22 invoices, 22 customers'],
    ['da-DK', 'Fakturer alle: 17 aftaler → 22 fakturaer', 'Fakturer: 17 aftaler → 22 fakturaer', '17 aftaler → 22 fakturaer, 22 kunder'],
  ] as const)('in %s', (locale, invoiceAll, invoicePreview, result) => {
    const ctx = context(locale);
    expect(readable(dailySummaryCard({ period: PERIOD, appointments: appointments(17), counts }, ctx).card)).toContain(invoiceAll);
    expect(readable(invoicePreviewCard({ previewId: 'pv_1', period: PERIOD, customer: null, appointments: appointments(17), counts }, ctx).card)).toContain(
      invoicePreview,
    );
    const done = run({ state: 'succeeded', invoices: [invoice(1, 'verified')], progress: { planned: 22, created: 22, failed: 0 }, counts });
    expect(readable(runCard(done, ctx))).toContain(result);
  });

  it('one of each is said in the singular', () => {
    const one = { appointments: 1, invoices: 1, customers: 1 };
    expect(readable(dailySummaryCard({ period: PERIOD, appointments: appointments(1), counts: one }, context('en-US')).card)).toContain(
      'Invoice all: 1 appointment → 1 invoice',
    );
    expect(readable(dailySummaryCard({ period: PERIOD, appointments: appointments(1), counts: one }, context('da-DK')).card)).toContain(
      'Fakturer alle: 1 aftale → 1 faktura',
    );
  });
});
