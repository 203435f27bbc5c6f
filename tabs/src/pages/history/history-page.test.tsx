/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AuditEntry, InvoiceRunSummary, RunInvoiceWithPayment } from '../../../../contract/api-contract';
import { ApiError } from '../../http/api-error';
import { FakeApi } from '../../http/testing/fake-api';
import { renderWithApp } from '../../testing/render-with-app';
import { RUN_ERROR_WORDS } from '../../../../service/invoicing/run/run-error-words';
import { INVOICE_ERROR_WORDS, STORED_INVOICE_ERRORS } from '../../../../service/invoicing/run/invoice-error-words';
import { HistoryPage, RUNS_PAGE } from './history-page';
import { RUN_INVOICES_PAGE } from './run-detail';

function summary(id: string, change: Partial<InvoiceRunSummary> = {}): InvoiceRunSummary {
  return {
    id,
    requestedBy: '6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11',
    who: { kind: 'person', name: 'Anna Berg' },
    source: 'bot',
    createdAt: '2026-11-03T08:00:00Z',
    finishedAt: '2026-11-03T08:00:05Z',
    state: 'partial',
    finished: true,
    counts: { planned: 3, created: 2, failed: 1, skipped: 4 },
    totals: [{ minor: 90_000, currency: 'DKK' }],
    failures: 1,
    retryOf: null,
    error: null,
    ...change,
  };
}

function invoice(i: number, change: Partial<RunInvoiceWithPayment> = {}): RunInvoiceWithPayment {
  return {
    id: `inv-${i}`,
    externalDocumentNumber: `BKR-${i}`,
    status: 'verified',
    customer: { name: `Kunde ${i}`, email: `kunde${i}@example.dk` },
    bcCustomerId: null,
    bcCustomerNumber: null,
    bcInvoiceId: `bc-${i}`,
    number: `S-INV10${1000 + i}`,
    url: `https://businesscentral.dynamics.com/?page=43&invoice=${i}`,
    invoiceDate: '2026-11-03',
    amount: { minor: 42_000 + i, currency: 'DKK' },
    bcTotals: null,
    appointmentIds: [`appt-${i}`],
    error: null,
    verifyProblem: null,
    draftNumber: null,
    sent: false,
    afterCreateProblem: null,
    paymentState: 'draft',
    payment: null,
    ...change,
  };
}

describe('History page', () => {
  beforeAll(() => {
    // jsdom has no ResizeObserver; Fluent's MessageBar only observes its width to reflow its actions.
    Object.assign(window, {
      ResizeObserver:
        window.ResizeObserver ??
        class {
          observe(): void {}
          unobserve(): void {}
          disconnect(): void {}
        },
    });
    // jsdom has no object URLs and does not download.
    URL.createObjectURL = jest.fn(() => 'blob:history');
    URL.revokeObjectURL = jest.fn();
  });

  it('lists invoice runs and the audit log with names and words, never ids or codes', async () => {
    const api = new FakeApi([]);
    api.runSummaries = [summary('run-1', { who: { kind: 'cli', user: 'root' }, error: 'bc-unreachable' })];
    const entries: AuditEntry[] = [
      {
        id: 1,
        at: '2026-11-03T07:00:00Z',
        actor: 'dev-user',
        who: { kind: 'sandbox' },
        source: 'tab',
        action: 'appointment.excluded',
        subject: 'AAMkADc3',
        about: { kind: 'appointment', service: '<b>Sportsmassage</b>', customers: ['Jens Hansen'], start: '2026-12-03T09:00:00Z' },
        details: null,
      },
      {
        id: 2,
        at: '2026-11-03T08:00:05Z',
        actor: 'schedule',
        who: { kind: 'scheduler' },
        source: 'bot',
        action: 'invoice.run',
        subject: 'run-1',
        about: { kind: 'invoice-run', at: '2026-11-03T08:00:00Z' },
        details: { state: 'partial', selection: { kind: 'ids', appointmentIds: ['appt-1'] }, retryOf: null, counts: { planned: 3 } },
      },
    ];
    api.auditEntries = entries;
    renderWithApp(<HistoryPage />, { api });
    const runs = await screen.findByRole('table', { name: 'Invoice runs' });
    const row = within(runs).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('Command line')).toBeTruthy();
    expect(within(row).getByText('Bot')).toBeTruthy();
    expect(row.textContent).toContain('Partly failed: invoices 2, failed 1, skipped 4');
    expect(row.textContent).toContain('Business Central could not be reached');
    expect(row.textContent).not.toContain('bc-unreachable');
    const audit = await screen.findByRole('table', { name: 'Audit log' });
    expect(within(audit).getByText('Appointment: <b>Sportsmassage</b>, Jens Hansen, Dec 3, 10:00')).toBeTruthy();
    expect(within(audit).getByText('Sandbox user')).toBeTruthy();
    const runEntry = within(audit).getAllByRole('row')[2] as HTMLElement;
    expect(runEntry.textContent).toContain('Invoice run of Nov 3, 09:00 · state: partial');
    expect(within(runEntry).getByText('Scheduler')).toBeTruthy();
    expect(audit.textContent).not.toMatch(/[{}"]|AAMkADc3|run-1|dev-user|appointment\.excluded/);
  });

  it('pages through runs and audit entries on the server, with next and previous', async () => {
    const api = new FakeApi([]);
    api.runSummaries = Array.from({ length: RUNS_PAGE + 3 }, (_, i) => summary(`run-${i}`, { who: { kind: 'person', name: `Person ${i}` } }));
    renderWithApp(<HistoryPage />, { api });
    const runs = await screen.findByRole('navigation', { name: 'Invoice runs' });
    expect(within(runs).getByText(`1–${RUNS_PAGE} of ${RUNS_PAGE + 3}`)).toBeTruthy();
    const previous = within(runs).getByRole<HTMLButtonElement>('button', { name: 'Previous page' });
    expect(previous.disabled).toBe(true);
    fireEvent.click(within(runs).getByRole('button', { name: 'Next page' }));
    expect(await within(runs).findByText(`${RUNS_PAGE + 1}–${RUNS_PAGE + 3} of ${RUNS_PAGE + 3}`)).toBeTruthy();
    expect(await screen.findByText(`Person ${RUNS_PAGE + 2}`)).toBeTruthy();
    expect(screen.queryByText('Person 0')).toBeNull();
    // Audit entries fit on one page: no pager.
    expect(screen.queryByRole('navigation', { name: 'Audit log' })).toBeNull();
  });

  it('opens a run: its invoices paged with numbers linking to Business Central, customers, amounts and why one failed; retries its failures', async () => {
    const api = new FakeApi([]);
    api.meRoles = ['invoicer', 'reader'];
    api.runSummaries = [summary('run-1')];
    api.runInvoicesState['run-1'] = [
      invoice(0, { status: 'failed', number: null, url: null, error: 'Customer Kunde 0 is blocked in Business Central' }),
      ...Array.from({ length: RUN_INVOICES_PAGE + 1 }, (_, i) => invoice(i + 1)),
    ];
    const opened: string[] = [];
    renderWithApp(<HistoryPage pollMs={1} />, { api, openLink: (url) => opened.push(url) });
    fireEvent.click(await screen.findByRole('button', { name: /^Open the invoice run of/ }));
    const table = await screen.findByRole('table', { name: 'Invoices' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(RUN_INVOICES_PAGE + 1);
    expect(rows[1]!.textContent).toContain('No number yet');
    expect(rows[1]!.textContent).toContain('Customer Kunde 0 is blocked in Business Central');
    expect(rows[2]!.textContent).toContain('Kunde 1');
    expect(rows[2]!.textContent).toContain('420.01');
    fireEvent.click(within(rows[2]!).getByRole('link', { name: 'Open invoice S-INV101001 in Business Central' }));
    expect(opened).toEqual(['https://businesscentral.dynamics.com/?page=43&invoice=1']);

    fireEvent.click(within(screen.getByRole('navigation', { name: 'Invoices' })).getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Invoices' })).getAllByRole('row')).toHaveLength(3));

    // The retry's run opens once the list shows it, saying what it did.
    api.runSummaries = [
      summary('run-2', { retryOf: 'run-1', state: 'succeeded', counts: { planned: 1, created: 1, failed: 0, skipped: 0 }, failures: 0 }),
      summary('run-1'),
    ];
    api.runInvoicesState['run-2'] = [invoice(0)];
    fireEvent.click(screen.getByRole('button', { name: 'Retry failed invoices' }));
    expect(await screen.findByText(/^Retry finished: .* invoices created, 1 failed\.$/)).toBeTruthy();
    expect(api.retried).toEqual(['run-1']);
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Invoices' })).getAllByRole('row')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Retry failed invoices' })).toBeNull();
  });

  it('a retry left behind (back to the runs) goes on without reopening its run over what the person turned to', async () => {
    const api = new FakeApi([]);
    api.meRoles = ['invoicer'];
    api.runSummaries = [summary('run-1'), summary('run-0', { createdAt: '2026-11-02T08:00:00Z' })];
    api.runInvoicesState['run-1'] = [invoice(0, { status: 'failed', number: null, url: null, error: STORED_INVOICE_ERRORS.gaveUp })];
    api.runInvoicesState['run-0'] = [invoice(1)];
    api.runInvoicesState['run-2'] = [invoice(0)];
    // The retry's first poll is answered (done) only once the person has turned to another run.
    let release!: () => void;
    api.runHold = new Promise((resolve) => (release = resolve));
    api.pollsBeforeDone = 0;
    renderWithApp(<HistoryPage pollMs={10} />, { api });
    fireEvent.click((await screen.findAllByRole('button', { name: /^Open the invoice run of/ }))[0]!);
    fireEvent.click(await screen.findByRole('button', { name: 'Retry failed invoices' }));
    await waitFor(() => expect(api.retried).toEqual(['run-1']));
    api.runSummaries = [summary('run-2', { retryOf: 'run-1', createdAt: '2026-11-04T08:00:00Z' }), ...api.runSummaries];
    fireEvent.click(screen.getByRole('button', { name: 'All invoice runs' }));
    // The list is read again: the retry's run is in it.
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Open the invoice run of/ })).toHaveLength(3));
    fireEvent.click(screen.getAllByRole('button', { name: /^Open the invoice run of/ })[2]!);
    const opened = await screen.findByRole('region', { name: /^Invoice run of .*2, 2026/ });
    // The retry's answer comes now: a flow still following it would read its invoices and open it within these turns.
    await act(async () => {
      release();
      for (let turn = 0; turn < 20; turn++) await Promise.resolve();
    });
    expect(api.runInvoicesAsked).not.toContain('run-2');
    expect(screen.getByRole('region', { name: /^Invoice run of / })).toBe(opened);
    expect(screen.queryByText(/^Retry finished/)).toBeNull();
  });

  it("says why an invoice failed in the reader's language, as the run's result does, never the stored English or request detail", async () => {
    const api = new FakeApi([]);
    api.runSummaries = [summary('run-1')];
    api.runInvoicesState['run-1'] = [
      invoice(0, { status: 'failed', number: null, url: null, error: STORED_INVOICE_ERRORS.gaveUp }),
      invoice(1, { status: 'failed', number: null, url: null, error: 'POST https://api.businesscentral.dynamics.com/v2.0/x answered 500 (correlation 4f1c)' }),
    ];
    renderWithApp(<HistoryPage />, { api, lang: 'da-DK' });
    fireEvent.click(await screen.findByRole('button', { name: /^Åbn fakturakørslen/ }));
    const rows = within(await screen.findByRole('table', { name: 'Fakturaer' })).getAllByRole('row');
    expect(rows[1]!.textContent).toContain(INVOICE_ERROR_WORDS['gave-up'].da);
    expect(rows[2]!.textContent).toContain(INVOICE_ERROR_WORDS.unknown.da);
    expect(rows.map((row) => row.textContent).join('\n')).not.toMatch(/did not answer|https?:|correlation/);
  });

  it("shows each invoice's payment status in words and what is still owed, in English and Danish", async () => {
    const open = (remaining: number, dueDate: string) => ({ bcStatus: 'Open', remaining: { minor: remaining, currency: 'DKK' }, dueDate });
    const invoices = [
      invoice(1, { paymentState: 'draft', payment: null }),
      invoice(2, { status: 'posted', paymentState: 'posted', payment: open(42_002, '2026-12-01') }),
      invoice(3, { status: 'posted', paymentState: 'paid', payment: { bcStatus: 'Paid', remaining: { minor: 0, currency: 'DKK' }, dueDate: '2026-11-10' } }),
      invoice(4, { status: 'posted', paymentState: 'overdue', payment: open(12_550, '2026-11-10') }),
      invoice(5, { status: 'canceled', paymentState: 'canceled', payment: null }),
      invoice(6, { status: 'failed', number: null, url: null, paymentState: null, payment: null }),
    ];
    for (const [lang, words] of [
      ['en-US', ['Draft', 'Posted (S-INV101002)', 'Paid', 'Overdue since Nov 10, 2026', 'Cancelled', '']],
      ['da-DK', ['Kladde', 'Bogført (S-INV101002)', 'Betalt', 'Forfalden siden 10. nov. 2026', 'Annulleret', '']],
    ] as const) {
      const api = new FakeApi([]);
      api.runSummaries = [summary('run-1')];
      api.runInvoicesState['run-1'] = invoices;
      const { unmount } = renderWithApp(<HistoryPage />, { api, lang });
      fireEvent.click(await screen.findByRole('button', { name: lang === 'en-US' ? /^Open the invoice run of/ : /^Åbn fakturakørslen/ }));
      const table = await screen.findByRole('table', { name: lang === 'en-US' ? 'Invoices' : 'Fakturaer' });
      const headers = within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent);
      const payment = headers.indexOf(lang === 'en-US' ? 'Payment' : 'Betaling');
      const owed = headers.indexOf(lang === 'en-US' ? 'Still owed' : 'Restbeløb');
      const rows = within(table).getAllByRole('row').slice(1);
      expect(rows.map((r) => within(r).getAllByRole('cell')[payment]!.textContent)).toEqual(words);
      const remaining = rows.map((r) => within(r).getAllByRole('cell')[owed]!.textContent);
      expect(remaining[0]).toBe('–');
      expect(remaining[1]).toMatch(lang === 'en-US' ? /420\.02/ : /420,02/);
      expect(remaining[2]).toMatch(lang === 'en-US' ? /0\.00/ : /0,00/);
      expect(remaining[3]).toMatch(lang === 'en-US' ? /125\.50/ : /125,50/);
      unmount();
    }
  });

  it('shows Retry only to invoicers', async () => {
    const api = new FakeApi([]);
    api.meRoles = ['reader'];
    api.runSummaries = [summary('run-1')];
    api.runInvoicesState['run-1'] = [invoice(1)];
    renderWithApp(<HistoryPage />, { api });
    fireEvent.click(await screen.findByRole('button', { name: /^Open the invoice run of/ }));
    expect(await screen.findByRole('table', { name: 'Invoices' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Export Invoice run of .* as CSV$/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry failed invoices' })).toBeNull();
  });

  it("exports runs, a run and the audit log in the reader's language, and says when an export fails", async () => {
    const api = new FakeApi([]);
    api.runSummaries = [summary('run-1')];
    api.runInvoicesState['run-1'] = [invoice(1)];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderWithApp(<HistoryPage />, { api, lang: 'da-DK' });
    fireEvent.click(await screen.findByRole('button', { name: 'Eksportér Fakturakørsler som CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('runs.csv');
    api.exportFailures.push(new ApiError('internal', 'Serveren svarer ikke', 500));
    fireEvent.click(screen.getByRole('button', { name: 'Eksportér Revisionslog som CSV' }));
    expect(await screen.findByText('Eksporten mislykkedes: Serveren svarer ikke')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Åbn fakturakørslen/ }));
    fireEvent.click(await screen.findByRole('button', { name: /^Eksportér Fakturakørsel .* som CSV$/ }));
    await waitFor(() => expect(api.exports).toHaveLength(3));
    expect(api.exports).toEqual([
      { request: { kind: 'runs' }, lang: 'da' },
      { request: { kind: 'audit' }, lang: 'da' },
      { request: { kind: 'run-invoices', runId: 'run-1' }, lang: 'da' },
    ]);
    click.mockRestore();
  });

  it.each([
    ['en-GB', 'en', 'Invoice runs', 'bc-busy', 'bc-busy'],
    ['da-DK', 'da', 'Fakturakørsler', 'bc-busy', 'bc-busy'],
    ['da-DK', 'da', 'Fakturakørsler', 'GET http://127.0.0.1:4010/v2.0/t/e/api/v2.0/salesInvoices failed: 500 BKI-MOCWY12', 'unknown'],
  ] as const)(
    "in %s says a run's stored error (%s, %s, %s) in the words of %s, never the kind code or the request",
    async (lang, language, tableName, stored, kind) => {
      const api = new FakeApi([]);
      api.runSummaries = [
        {
          id: 'run-1',
          requestedBy: 'anna@contoso.dk',
          who: { kind: 'person', name: 'Anna Berg' },
          source: 'tab',
          createdAt: '2026-11-03T08:00:00Z',
          finishedAt: '2026-11-03T08:00:05Z',
          state: 'failed',
          finished: true,
          counts: { planned: 1, created: 0, failed: 1, skipped: 0 },
          totals: [],
          failures: 1,
          retryOf: null,
          error: stored,
        },
      ];
      renderWithApp(<HistoryPage />, { api, lang });
      const runs = await screen.findByRole('table', { name: tableName });
      const row = within(runs).getAllByRole('row')[1] as HTMLElement;
      expect(row.textContent).toContain(RUN_ERROR_WORDS[kind][language]);
      expect(row.textContent).not.toMatch(/bc-busy|https?:|BKI-/);
    },
  );

  it('shows empty states', async () => {
    renderWithApp(<HistoryPage />, { api: new FakeApi([]) });
    expect(await screen.findByText('No invoice runs yet.')).toBeTruthy();
    expect(await screen.findByText('The audit log is empty.')).toBeTruthy();
  });
});
