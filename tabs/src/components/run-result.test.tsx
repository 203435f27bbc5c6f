/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { FakeApi, fakeRow } from '../http/testing/fake-api';
import { renderWithApp } from '../testing/render-with-app';
import { RunResultView } from './run-result';
import type { SettledRun } from '../pages/unbilled/run-flow';
import { INVOICE_ERROR_WORDS, STORED_INVOICE_ERRORS } from '../../../service/invoicing/run/invoice-error-words';

const RAW =
  'GET http://127.0.0.1:4010/v2.0/t/e/api/v2.0/customers failed after 5 attempts: 500 (Invoice BKI-MOCWY12 planned)\n    at send (http-client.ts:1:1)';

async function stoppedRun(): Promise<SettledRun> {
  const api = new FakeApi([fakeRow(1), fakeRow(2), fakeRow(3)]);
  api.pollsBeforeDone = 0;
  await api.startRun({ kind: 'ids', appointmentIds: ['appt-1', 'appt-2', 'appt-3'] });
  const run = { ...(await api.run('run-1')), invoices: (await api.runInvoices('run-1', {})).invoices };
  return {
    ...run,
    finished: true,
    state: 'partial',
    error: RAW,
    errorKind: 'bc-busy',
    counts: { appointments: 17, invoices: 22, customers: 21 },
    invoices: run.invoices.map((i) => (i.status === 'failed' ? { ...i, error: RAW } : i)),
  };
}

/** A run that ended without a run error, counted by status, listing the invoices made from one it created. */
async function endedRun(byStatus: SettledRun['byStatus'], invoices: (created: SettledRun['invoices'][number]) => SettledRun['invoices']): Promise<SettledRun> {
  const stopped = await stoppedRun();
  const created = stopped.invoices.find((i) => i.status !== 'failed')!;
  return { ...stopped, error: null, errorKind: null, byStatus, invoices: invoices(created) };
}

describe('the run result', () => {
  it.each([
    ['en-GB', /17 appointments → 22 invoices, 21 customers/, /Business Central kept answering with errors/],
    ['da-DK', /17 aftaler → 22 fakturaer, 21 kunder/, /Business Central blev ved med at svare med fejl/],
  ])('in %s says appointments and invoices apart and the failure in words, with no URL, stack or key', async (lang, counts, words) => {
    const run = await stoppedRun();
    const { container } = renderWithApp(<RunResultView run={run} openLink={() => undefined} onRetry={() => undefined} />, { api: new FakeApi([]), lang });
    expect(screen.getByText(counts)).toBeTruthy();
    expect(screen.getByText(words)).toBeTruthy();
    const text = container.textContent ?? '';
    expect(text).not.toMatch(/https?:|\/v2\.0|BKI-|\n\s+at |http-client/);
  });

  it.each([
    ['en-GB', 'en', 'Business Central said'],
    ['da-DK', 'da', 'Business Central skrev'],
  ] as const)("in %s says each failed invoice in its kind's words, quoting Business Central's refusal, never the request", async (lang, language, said) => {
    const stopped = await stoppedRun();
    const refused = 'Customer 10000 is blocked for invoicing.';
    const failed = stopped.invoices.find((i) => i.status === 'failed')!;
    const reasons = [refused, STORED_INVOICE_ERRORS.gaveUp, RAW];
    const run: SettledRun = {
      ...stopped,
      error: null,
      errorKind: null,
      invoices: [...stopped.invoices.filter((i) => i.status !== 'failed'), ...reasons.map((error, n) => ({ ...failed, id: `${failed.id}-${n}`, error }))],
    };
    const { container } = renderWithApp(<RunResultView run={run} openLink={() => undefined} onRetry={() => undefined} />, { api: new FakeApi([]), lang });
    const text = container.textContent ?? '';
    expect(text).toContain(`${INVOICE_ERROR_WORDS['bc-refused'][language]} ${said}: “${refused}”`);
    expect(text).toContain(INVOICE_ERROR_WORDS['gave-up'][language]);
    expect(text).toContain(INVOICE_ERROR_WORDS.unknown[language]);
    expect(text).not.toMatch(/https?:|\/v2\.0|BKI-|\n\s+at |http-client/);
  });

  it('counts and lists a draft deleted in Business Central as a failure, with its words and Retry, as the bot and the run do', async () => {
    const run = await endedRun({ verified: 1, deleted: 1 }, (created) => [
      created,
      { ...created, id: 'inv-deleted', status: 'deleted', number: null, url: null, error: STORED_INVOICE_ERRORS.deletedBeforeVerify },
    ]);
    const { container } = renderWithApp(<RunResultView run={run} openLink={() => undefined} onRetry={() => undefined} />, {
      api: new FakeApi([]),
      lang: 'en-GB',
    });
    expect(screen.getByRole('status').textContent).toBe('Done: 1 invoices created, 1 failed.');
    expect(container.textContent).toContain(INVOICE_ERROR_WORDS['deleted-before-verify'].en);
    expect(screen.getByRole('button', { name: 'Retry failed invoices' })).toBeTruthy();
  });

  it('counts every invoice of a large run, lists the first page and sends the reader to the History for the rest', async () => {
    const run = await endedRun({ verified: 1_998, failed: 2 }, (created) => Array.from({ length: 50 }, (_, n) => ({ ...created, id: `inv-${n}` })));
    const { container } = renderWithApp(<RunResultView run={run} openLink={() => undefined} onRetry={() => undefined} />, {
      api: new FakeApi([]),
      lang: 'en-GB',
    });
    expect(screen.getByRole('status').textContent).toBe('Done: 1,998 invoices created, 2 failed.');
    expect(container.querySelectorAll('li')).toHaveLength(50);
    expect(container.textContent).toContain("And 1,950 more: the run's invoices are all in the History.");
    expect(screen.getByRole('button', { name: 'Retry failed invoices' })).toBeTruthy();
  });

  it("shows a stopped run's error in words too", async () => {
    const run = { ...(await stoppedRun()), finished: false, state: 'creating' as const, errorKind: 'bc-unreachable' as const };
    const { container } = renderWithApp(<RunResultView run={run} openLink={() => undefined} onRetry={() => undefined} />, {
      api: new FakeApi([]),
      lang: 'da-DK',
    });
    expect(container.textContent).toMatch(/Business Central kunne ikke nås/);
    expect(container.textContent).not.toMatch(/https?:|BKI-/);
  });
});
