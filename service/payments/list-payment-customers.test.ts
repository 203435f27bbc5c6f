import type { Kysely } from 'kysely';
import { listRunInvoices } from '../history';
import type { Database, NewRow } from '../store/database';
import { describeEachStore } from '../store/testing/test-stores';
import { listPaymentCustomers } from './list-payment-customers';
import { listPayments } from './list-payments';

const BUSINESS = 'clinic@example.dk';
const TODAY = '2026-11-20';

let position = 0;

type Payment = Pick<NewRow<'invoices'>, 'bc_status' | 'remaining_minor' | 'due_date'>;

function invoice(
  id: string,
  email: string | null,
  name: string,
  status: string,
  amount: number,
  payment: Payment = {},
  extra: Partial<NewRow<'invoices'>> = {},
): NewRow<'invoices'> {
  return {
    id,
    run_id: 'run-1',
    business_id: BUSINESS,
    bc_customer_id: null,
    external_document_number: `KEY-${id}`,
    bc_invoice_id: `bc-${id}`,
    bc_number: `D-${id}`,
    posted_number: status === 'posted' ? `P-${id}` : null,
    status,
    amount_minor: amount,
    currency: 'DKK',
    appointment_ids: '[]',
    error: null,
    created_at: '2026-11-01T00:00:00.000Z',
    updated_at: '2026-11-01T00:00:00.000Z',
    customer_email: email,
    customer_name: name,
    bc_customer_number: null,
    invoice_date: '2026-11-01',
    verify_problem: null,
    url: `https://bc.example/${id}`,
    prices_include_tax: null,
    bc_total_excl_minor: null,
    bc_total_incl_minor: null,
    bc_tax_minor: null,
    position: (position += 1),
    ...payment,
    ...extra,
  };
}

const open = (remaining: number, due: string): Payment => ({ bc_status: 'Open', remaining_minor: remaining, due_date: due });

async function seed(db: Kysely<Database>): Promise<void> {
  const run = (id: string, business: string): NewRow<'invoice_runs'> => ({
    id,
    business_id: business,
    requested_by: 'anna@example.dk',
    source: 'tab',
    selection: JSON.stringify({ kind: 'ids', appointmentIds: ['a'] }),
    state: 'succeeded',
    phase: 'done',
    planned_count: 6,
    created_count: 6,
    failed_count: 0,
    totals: null,
    error: null,
    created_at: '2026-11-01T00:00:00.000Z',
    updated_at: '2026-11-01T00:00:00.000Z',
    finished_at: '2026-11-01T00:00:00.000Z',
    holder: null,
    heartbeat_at: null,
    skipped: null,
    retry_of: null,
  });
  await db
    .insertInto('invoice_runs')
    .values([run('run-1', BUSINESS), run('run-x', 'other@example.dk')])
    .execute();
  await db
    .insertInto('invoices')
    .values([
      // Åse: one overdue (due 2026-11-10), one open not yet due, one paid.
      invoice('a1', 'aase@example.dk', 'Åse Berg', 'posted', 50_000, open(50_000, '2026-11-10'), { invoice_date: '2026-10-01' }),
      invoice('a2', 'aase@example.dk', 'Åse Berg', 'posted', 30_000, open(10_000, '2026-12-01'), {}),
      invoice('a3', 'aase@example.dk', 'Åse Berg', 'posted', 20_000, { bc_status: 'Paid', remaining_minor: 0, due_date: '2026-11-05' }, {}),
      // Bo: a draft and an overdue one due earlier than Åse's.
      invoice('b1', 'bo@example.dk', 'Bo Holm', 'verified', 12_500, {}, { invoice_date: '2026-11-15' }),
      invoice('b2', 'bo@example.dk', 'Bo Holm', 'posted', 8_000, open(8_000, '2026-11-02'), {}),
      // Zelma: posted, due today (not overdue yet), owes the most.
      invoice('z1', 'zelma@example.dk', 'Zelma Ahl', 'posted', 90_000, open(90_000, TODAY), {}),
      // Not listed: a failed invoice, an invoice with no customer stored, another business's.
      invoice('f1', 'fail@example.dk', 'Fie Fejl', 'failed', 1_000),
      invoice('n1', null, '', 'posted', 1_000, open(1_000, '2026-01-01')),
      invoice('x1', 'x@example.dk', 'Xander', 'posted', 1_000, open(1_000, '2026-01-01'), { business_id: 'other@example.dk', run_id: 'run-x' }),
      invoice('c1', 'carl@example.dk', 'Carl Ege', 'canceled', 7_000, { bc_status: 'Canceled', remaining_minor: 0, due_date: '2026-11-01' }),
    ])
    .execute();
}

describeEachStore('payments: the customer view and the run invoices', (getStore) => {
  const db = () => getStore().db;
  beforeAll(() => seed(db()));

  it('lists each customer once by name in Danish order, with counts, what is owed and the oldest unpaid due date', async () => {
    const page = await listPaymentCustomers(db(), BUSINESS, {}, TODAY);
    expect(page).toMatchObject({ total: 4, offset: 0, limit: 50, today: TODAY });
    expect(page.customers).toEqual([
      {
        name: 'Bo Holm',
        email: 'bo@example.dk',
        invoices: 2,
        overdue: 1,
        owed: [{ minor: 8_000, currency: 'DKK' }],
        oldestDue: '2026-11-02',
        lastInvoiceDate: '2026-11-15',
      },
      { name: 'Carl Ege', email: 'carl@example.dk', invoices: 1, overdue: 0, owed: [], oldestDue: null, lastInvoiceDate: '2026-11-01' },
      {
        name: 'Zelma Ahl',
        email: 'zelma@example.dk',
        invoices: 1,
        overdue: 0,
        owed: [{ minor: 90_000, currency: 'DKK' }],
        oldestDue: TODAY,
        lastInvoiceDate: '2026-11-01',
      },
      // Å sorts after Z for a Danish reader.
      {
        name: 'Åse Berg',
        email: 'aase@example.dk',
        invoices: 3,
        overdue: 1,
        owed: [{ minor: 60_000, currency: 'DKK' }],
        oldestDue: '2026-11-10',
        lastInvoiceDate: '2026-11-01',
      },
    ]);
  });

  it('sorts by the oldest unpaid due date (none last) or by what is owed, and pages', async () => {
    const byDue = await listPaymentCustomers(db(), BUSINESS, { sort: 'due' }, TODAY);
    expect(byDue.customers.map((c) => c.name)).toEqual(['Bo Holm', 'Åse Berg', 'Zelma Ahl', 'Carl Ege']);
    const byOwed = await listPaymentCustomers(db(), BUSINESS, { sort: 'owed' }, TODAY);
    expect(byOwed.customers.map((c) => c.name)).toEqual(['Zelma Ahl', 'Åse Berg', 'Bo Holm', 'Carl Ege']);
    const second = await listPaymentCustomers(db(), BUSINESS, { sort: 'owed', offset: '1', limit: '2' }, TODAY);
    expect(second).toMatchObject({ total: 4, offset: 1, limit: 2 });
    expect(second.customers.map((c) => c.name)).toEqual(['Åse Berg', 'Bo Holm']);
  });

  it('with the overdue filter lists only customers with overdue invoices, counted and summed over those', async () => {
    const page = await listPaymentCustomers(db(), BUSINESS, { overdue: 'true' }, TODAY);
    expect(page.total).toBe(2);
    expect(page.customers.map((c) => [c.name, c.invoices, c.overdue, c.owed])).toEqual([
      ['Bo Holm', 1, 1, [{ minor: 8_000, currency: 'DKK' }]],
      ['Åse Berg', 1, 1, [{ minor: 50_000, currency: 'DKK' }]],
    ]);
    // A day later Zelma's invoice is overdue too.
    expect((await listPaymentCustomers(db(), BUSINESS, { overdue: true }, '2026-11-21')).customers.map((c) => c.name)).toContain('Zelma Ahl');
  });

  it("a customer's invoices open from the view by its email, overdue only when asked", async () => {
    const all = await listPayments(db(), BUSINESS, { customer: 'aase@example.dk' }, TODAY);
    expect(all.items.map((i) => [i.id, i.state])).toEqual(
      expect.arrayContaining([
        ['a1', 'overdue'],
        ['a2', 'posted'],
        ['a3', 'paid'],
      ]),
    );
    const overdue = await listPayments(db(), BUSINESS, { customer: 'aase@example.dk', overdue: true }, TODAY);
    expect(overdue.items.map((i) => i.id)).toEqual(['a1']);
  });

  it("a run's invoices carry their payment state and what is still owed", async () => {
    const page = await listRunInvoices(db(), { businessId: BUSINESS, runId: 'run-1', offset: 0, limit: 10 }, TODAY);
    const byId = new Map(page!.invoices.map((i) => [i.id, i]));
    expect(page!.today).toBe(TODAY);
    expect(byId.get('a1')).toMatchObject({
      paymentState: 'overdue',
      payment: { bcStatus: 'Open', remaining: { minor: 50_000, currency: 'DKK' }, dueDate: '2026-11-10' },
    });
    expect(byId.get('a3')).toMatchObject({ paymentState: 'paid', payment: { remaining: { minor: 0 } } });
    expect(byId.get('b1')).toMatchObject({ paymentState: 'draft', payment: null });
    expect(byId.get('z1')).toMatchObject({ paymentState: 'posted', number: 'P-z1' });
    expect(byId.get('c1')).toMatchObject({ paymentState: 'canceled' });
    expect(byId.get('f1')).toMatchObject({ paymentState: null });
  });
});
