import type { Preview, RunInvoice, RunResult } from '../../service/invoicing/run/run-schemas';
import { previewText, resultText } from './invoice-output';

const DKK = (minor: number) => ({ minor, currency: 'DKK' });

function run(change: Partial<RunResult>): RunResult {
  return {
    id: 'run-1',
    state: 'succeeded',
    finished: true,
    requestedBy: 'Anna Admin',
    source: 'cli',
    selection: { kind: 'ids', appointmentIds: ['a1', 'a2'] },
    retryOf: null,
    afterCreate: 'draft',
    progress: { planned: 2, created: 0, failed: 0 },
    totals: [],
    counts: { appointments: 0, invoices: 0, customers: 0 },
    invoices: [],
    skipped: [],
    error: null,
    errorKind: null,
    createdAt: '2026-11-24T08:00:00.000Z',
    finishedAt: '2026-11-24T08:00:05.000Z',
    ...change,
  };
}

function failedInvoice(name: string): RunInvoice {
  return {
    id: `inv-${name}`,
    externalDocumentNumber: 'BK-RUN1-X',
    status: 'failed',
    customer: { name, email: `${name.toLowerCase()}@example.dk` },
    bcCustomerId: null,
    bcCustomerNumber: null,
    bcInvoiceId: null,
    number: null,
    url: null,
    invoiceDate: null,
    amount: DKK(42000),
    bcTotals: null,
    appointmentIds: ['a1'],
    error: 'Business Central refused the invoice: the customer is blocked',
    verifyProblem: null,
    draftNumber: null,
    sent: false,
    afterCreateProblem: null,
  };
}

describe('CLI run output', () => {
  it('says plainly that a run whose invoices all failed created nothing', () => {
    const text = resultText(run({ state: 'failed', invoices: [failedInvoice('Bent'), failedInvoice('Carl')] }));
    expect(text).toMatch(/^No invoices were created: 2 invoices failed, each with its reason above \(run run-1\)\.$/m);
    expect(text).not.toMatch(/Created:/);
    expect(text.match(/^FAILED {2}/gm)).toHaveLength(2);
  });

  it('says that a run with nothing to invoice invoiced nothing, and that a running one has created nothing yet', () => {
    expect(resultText(run({ state: 'nothing' }))).toMatch(/^Nothing was invoiced: another run took these appointments/);
    expect(resultText(run({ state: 'creating', finished: false, finishedAt: null }))).toBe('No invoices created yet: the run is still going (run run-1).\n');
  });

  it('still counts what a run created', () => {
    const created = { ...failedInvoice('Bent'), status: 'verified' as const, number: '103001', url: 'http://bc/103001', error: null };
    const text = resultText(run({ invoices: [created], counts: { appointments: 1, invoices: 1, customers: 1 }, totals: [DKK(42000)] }));
    expect(text).toMatch(/^Created: 1 appointment → 1 invoice, 1 customer \(DKK 420\.00\) \(run run-1\)\.$/m);
  });

  it("gives a preview's skipped appointments' reasons in words", () => {
    const preview: Preview = {
      afterCreate: 'draft',
      invoices: [],
      skipped: [
        { appointmentId: 'a1', reason: 'price-needed', reasons: ['price-needed'] },
        { appointmentId: 'a2', reason: 'price-needed', reasons: ['price-needed'] },
        { appointmentId: 'a3', customerEmail: 'x@example.dk', reason: 'attendee-invoiced', reasons: ['attendee-invoiced'] },
      ],
      totals: [],
      counts: { appointments: 0, invoices: 0, customers: 0 },
    };
    const text = previewText(preview, 'Europe/Copenhagen');
    expect(text).toContain('  Price needed: 2\n');
    expect(text).toContain('  Attendee already invoiced: 1\n');
    expect(text).not.toMatch(/price-needed|attendee-invoiced/);
  });
});
