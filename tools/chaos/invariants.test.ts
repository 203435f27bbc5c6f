import { checkInvariants, type ChaosSnapshot, type InvariantName } from './invariants';
import type { BcCustomer, BcInvoice } from './emulator-api';

const bcInvoice = (id: string, key: string, total: number, extra: Partial<BcInvoice> = {}): BcInvoice => ({
  id,
  number: `S-INV-${id}`,
  externalDocumentNumber: key,
  status: 'Draft',
  customerId: 'c-new',
  totalAmountIncludingTax: total,
  totalAmountExcludingTax: total / 1.25,
  ...extra,
});
const customer = (id: string, email: string): BcCustomer => ({ id, number: `C-${id}`, email });

/** A settled trial that kept every promise: one run, one invoice of two appointments, one new customer. */
function healthy(): ChaosSnapshot {
  return {
    store: {
      appointments: [
        { id: 'a1', state: 'invoiced', claimed_by_run: 'r1' },
        { id: 'a2', state: 'invoiced', claimed_by_run: 'r1' },
        { id: 'a3', state: 'unbilled', claimed_by_run: null },
      ],
      invoices: [{ id: 'i1', external_document_number: 'K1', bc_invoice_id: 'bc1', status: 'verified', amount_minor: 150_000 }],
      invoiceLines: [
        { invoice_id: 'i1', appointment_id: 'a1', customer_email: 'ann@example.com', state: 'invoiced', amount_minor: 100_000 },
        { invoice_id: 'i1', appointment_id: 'a2', customer_email: 'ann@example.com', state: 'invoiced', amount_minor: 50_000 },
      ],
      invoiceRuns: [{ id: 'r1', state: 'succeeded' }],
      syncRuns: [{ id: 's1', state: 'succeeded' }],
      pricesIncludeVat: true,
    },
    bc: {
      invoices: [bcInvoice('seed-inv', '', 99), bcInvoice('bc1', 'K1', 1500)],
      customers: [
        customer('seed-1', 'bo@example.com'),
        customer('seed-2', 'shared@example.com'),
        customer('seed-3', 'Shared@example.com'),
        customer('c-new', 'ann@example.com'),
      ],
    },
    baseline: { invoiceIds: new Set(['seed-inv']), customerIds: new Set(['seed-1', 'seed-2', 'seed-3']) },
  };
}

const found = (s: ChaosSnapshot): InvariantName[] => checkInvariants(s).map((v) => v.invariant);

describe('the chaos invariant checker', () => {
  it('finds nothing wrong with a settled trial that kept every promise (the seed may share an email on its own)', () => {
    expect(checkInvariants(healthy())).toEqual([]);
  });

  it('reports a second draft under one key', () => {
    const s = healthy();
    s.bc.invoices.push(bcInvoice('bc2', 'K1', 1500));
    expect(found(s)).toEqual(['duplicate-draft', 'unknown-bc-invoice']);
    expect(checkInvariants(s)[0]!.detail).toBe('2 invoices under key K1: S-INV-bc1, S-INV-bc2');
  });

  it('reports a second Business Central customer for one email, whatever its case', () => {
    const s = healthy();
    s.bc.customers.push(customer('c-dup', 'other@example.com; ANN@example.com'));
    expect(checkInvariants(s)).toEqual([{ invariant: 'customer-per-email', detail: '2 Business Central customers for ann@example.com: C-c-new, C-c-dup' }]);
  });

  it('reports an appointment left claimed, and a run left unfinished', () => {
    const s = healthy();
    s.store.appointments[2] = { id: 'a3', state: 'claimed', claimed_by_run: 'r2' };
    s.store.invoiceRuns.push({ id: 'r2', state: 'creating' });
    s.store.syncRuns.push({ id: 's2', state: 'stopped' });
    expect(checkInvariants(s)).toEqual([
      { invariant: 'appointment-claimed', detail: 'appointment a3 is claimed by run r2' },
      { invariant: 'run-unfinished', detail: 'invoice run r2 is creating' },
      { invariant: 'run-unfinished', detail: 'sync run s2 is stopped' },
    ]);
  });

  it('reports a Business Central invoice the store does not know, and says when the store gave its key up', () => {
    const s = healthy();
    s.bc.invoices.push(bcInvoice('bc9', 'K9', 10));
    s.store.invoices.push({ id: 'i8', external_document_number: 'K8', bc_invoice_id: null, status: 'failed', amount_minor: 800 });
    s.bc.invoices.push(bcInvoice('bc8', 'K8', 8));
    expect(checkInvariants(s)).toEqual([
      { invariant: 'unknown-bc-invoice', detail: 'Business Central invoice S-INV-bc9 (key K9) is not in the store' },
      { invariant: 'unknown-bc-invoice', detail: 'Business Central invoice S-INV-bc8 (key K8) is not in the store (its key is, as failed)' },
    ]);
  });

  it('reports an appointment billed twice, and one billed but listed as unbilled', () => {
    const s = healthy();
    s.store.invoices.push({ id: 'i2', external_document_number: 'K2', bc_invoice_id: 'bc2', status: 'created', amount_minor: 100_000 });
    s.store.invoiceLines.push({ invoice_id: 'i2', appointment_id: 'a1', customer_email: 'ann@example.com', state: 'invoiced', amount_minor: 100_000 });
    s.bc.invoices.push(bcInvoice('bc2', 'K2', 1000));
    s.store.appointments[0] = { id: 'a1', state: 'unbilled', claimed_by_run: null };
    expect(found(s)).toEqual(['appointment-billed-twice', 'billed-but-unbilled', 'billed-but-unbilled']);
  });

  it('reports totals that differ from the priced appointments, and an invoice missing in Business Central', () => {
    const s = healthy();
    s.bc.invoices[1] = bcInvoice('bc1', 'K1', 1499.99);
    expect(checkInvariants(s)).toEqual([
      { invariant: 'totals', detail: 'invoice K1: appointments 150000, store 150000, Business Central 149999 (minor units)' },
    ]);
    s.bc.invoices.pop();
    expect(found(s)).toEqual(['invoice-missing-in-bc']);
  });
});
