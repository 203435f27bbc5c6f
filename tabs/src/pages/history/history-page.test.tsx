/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { FakeApi } from '../../http/testing/fake-api';
import { renderWithApp } from '../../testing/render-with-app';
import { HistoryPage } from './history-page';
import { RUN_ERROR_WORDS } from '../../../../service/invoicing/run/run-error-words';

describe('History page', () => {
  it('lists invoice runs with who, from where and the result, and the audit log as text', async () => {
    const api = new FakeApi([]);
    api.runSummaries = [
      {
        id: 'run-1',
        requestedBy: 'anna@contoso.dk',
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
      },
    ];
    api.auditEntries = [
      { id: 1, at: '2026-11-03T07:00:00Z', actor: 'lars@contoso.dk', source: 'tab', action: 'appointment.exclude', subject: '<b>appt-1</b>', details: null },
      {
        id: 2,
        at: '2026-11-03T08:00:05Z',
        actor: 'anna@contoso.dk',
        source: 'bot',
        action: 'invoice.run',
        subject: 'run-1',
        details: { state: 'partial', selection: { kind: 'ids', appointmentIds: ['appt-1'] }, retryOf: null, counts: { planned: 3 } },
      },
    ];
    renderWithApp(<HistoryPage />, { api });
    const runs = await screen.findByRole('table', { name: 'Invoice runs' });
    const row = within(runs).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('anna@contoso.dk')).toBeTruthy();
    expect(within(row).getByText('Bot')).toBeTruthy();
    expect(row.textContent).toContain('Partly failed: invoices 2, failed 1, skipped 4');
    const audit = await screen.findByRole('table', { name: 'Audit log' });
    expect(within(audit).getByText('Appointment <b>appt-1</b>')).toBeTruthy();
    const runEntry = within(audit).getAllByRole('row')[2] as HTMLElement;
    expect(runEntry.textContent).toContain('Invoice run run-1 · state: partial');
    expect(audit.textContent).not.toMatch(/[{}"]/);
    // Action codes read as words.
    expect(within(audit).getByText('Excluded from invoicing')).toBeTruthy();
    expect(within(runEntry).getByText('Invoice run')).toBeTruthy();
    expect(audit.textContent).not.toContain('appointment.exclude');
  });

  it.each([
    ['en-GB', 'en', 'Invoice runs', 'bc-busy', 'bc-busy'],
    ['da-DK', 'da', 'Fakturakørsler', 'bc-busy', 'bc-busy'],
    ['da-DK', 'da', 'Fakturakørsler', 'GET http://127.0.0.1:4010/v2.0/t/e/api/v2.0/salesInvoices failed: 500 BKI-MOCWY12', 'unknown'],
  ] as const)('in %s says a run\'s stored error (%s, %s, %s) in the words of %s, never the kind code or the request', async (lang, language, tableName, stored, kind) => {
    const api = new FakeApi([]);
    api.runSummaries = [
      {
        id: 'run-1',
        requestedBy: 'anna@contoso.dk',
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
  });

  it('shows empty states', async () => {
    renderWithApp(<HistoryPage />, { api: new FakeApi([]) });
    expect(await screen.findByText('No invoice runs yet.')).toBeTruthy();
    expect(await screen.findByText('The audit log is empty.')).toBeTruthy();
  });
});
