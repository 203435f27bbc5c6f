import { INVOICE_ERROR_WORDS, STORED_INVOICE_ERRORS } from '../../service/invoicing/run/invoice-error-words';
import { RAW_DETAIL } from '../../service/invoicing/run/run-error-words';
import type { RunInvoice, RunResult } from '../../service/invoicing/run/run-schemas';
import { resultText } from './invoice-output';

const RAW =
  'POST http://127.0.0.1:4200/v2.0/t/production/api/v2.0/companies(c0ffee)/salesInvoices failed after 5 attempts: 500 BKI-MOCWY3ZQ\n    at send (http-client.ts:12:3)';

function invoice(n: number, status: RunInvoice['status'], error: string | null = null): RunInvoice {
  return {
    id: `inv-${n}`,
    externalDocumentNumber: `BKI-MOCWY${n}ABCDEF`,
    status,
    customer: { name: `Kunde ${n}`, email: `kunde${n}@example.dk` },
    bcCustomerId: null,
    bcCustomerNumber: null,
    bcInvoiceId: null,
    number: status === 'verified' ? `S-INV10300${n}` : null,
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

const run = (invoices: RunInvoice[]): RunResult => ({
  id: 'run-1',
  state: 'partial',
  finished: true,
  requestedBy: 'anne@example.dk',
  source: 'cli',
  selection: { kind: 'ids', appointmentIds: ['appt-1'] },
  retryOf: null,
  afterCreate: 'draft',
  progress: { planned: invoices.length, created: 1, failed: invoices.length - 1 },
  totals: [],
  counts: { appointments: 1, invoices: 1, customers: 1 },
  invoices,
  skipped: [],
  error: null,
  errorKind: null,
  createdAt: '2026-11-03T08:00:00.000Z',
  finishedAt: '2026-11-03T08:01:00.000Z',
});

describe('runs show: each failed invoice', () => {
  it("says its kind in words, quotes Business Central's refusal, and never prints the request", () => {
    const refused = 'Customer 10000 is blocked for invoicing.';
    const text = resultText(
      run([
        invoice(1, 'verified'),
        invoice(2, 'failed', refused),
        invoice(3, 'failed', STORED_INVOICE_ERRORS.gaveUp),
        invoice(4, 'deleted', `${STORED_INVOICE_ERRORS.wrongDraftDeleted}: total 500.00 DKK`),
        invoice(5, 'failed', RAW),
        invoice(6, 'failed', null),
      ]),
    );
    const failedLines = text.split('\n').filter((l) => l.startsWith('FAILED'));
    expect(failedLines).toHaveLength(5);
    expect(failedLines[0]).toContain(`${INVOICE_ERROR_WORDS['bc-refused'].en} Business Central said: “${refused}”`);
    expect(failedLines[1]).toContain(INVOICE_ERROR_WORDS['gave-up'].en);
    expect(failedLines[2]).toContain(INVOICE_ERROR_WORDS['wrong-draft-deleted'].en);
    expect(failedLines[3]).toContain(INVOICE_ERROR_WORDS.unknown.en);
    expect(failedLines[4]).toContain(INVOICE_ERROR_WORDS.unknown.en);
    expect(failedLines.join('\n')).not.toMatch(RAW_DETAIL);
  });
});
