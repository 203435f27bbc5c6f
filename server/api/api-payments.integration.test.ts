import { until } from '../../service/testing/until';
import {
  paymentCustomersResponseSchema,
  paymentsResponseSchema,
  runInvoicesResponseSchema,
  startedRunSchema,
  startedSyncSchema,
  syncRunSchema,
  unbilledResponseSchema,
  type RunSummary,
} from '../../contract/api-contract';
import type { Authenticator, Identity } from './auth/identity';
import { errorOf, startApiTestServer, type ApiTestServer } from './testing/api-test-server';
import { runSummary, runWithInvoices } from './testing/run-answer';

/* The tab's payment status: the business's invoices with their state after a sync, a customer's, the overdue ones; readers may look. */

const INVOICER: Identity = { id: '6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11', name: 'Ivan Invoicer', roles: ['invoicer', 'reader'] };
const READER: Identity = { id: 'reader-1', name: 'Rita Reader', roles: ['reader'] };
const NOBODY: Identity = { id: 'nobody-1', name: 'Nina Nobody', roles: [] };
const auth: Authenticator & { as: Identity } = { as: INVOICER, authenticate: async () => auth.as };
let api: ApiTestServer;

async function sync(): Promise<void> {
  const { syncRunId } = startedSyncSchema.parse((await api.call('POST', '/api/sync')).body);
  await until(async () => syncRunSchema.parse((await api.call('GET', `/api/sync/${syncRunId}`)).body).state === 'succeeded', 'the sync succeeds');
}

beforeAll(async () => {
  api = await startApiTestServer({ authenticator: auth });
});
afterAll(async () => {
  await api?.close();
});

test('after a sync, the payments list shows a paid and an overdue invoice; the customer view and the overdue filter narrow it', async () => {
  await sync();
  const rows = unbilledResponseSchema.parse((await api.call('GET', '/api/unbilled?state=invoiceable&limit=500')).body).rows;
  const two = rows.filter((r) => r.customers.length === 1).slice(0, 2);
  expect(two).toHaveLength(2);
  const started = await api.call('POST', '/api/invoice-runs', { json: { selection: { kind: 'ids', appointmentIds: two.map((r) => r.id) } } });
  const runId = startedRunSchema.parse(started.body).runId;
  let summary: RunSummary | undefined;
  await until(async () => (summary = await runSummary(api, runId)).finished, 'the run finishes');
  const run = await runWithInvoices(api, summary!);
  const created = run.invoices.filter((i) => i.bcInvoiceId !== null);
  expect(created.length).toBeGreaterThanOrEqual(1);

  const h = api.harness;
  const company = h.bc.state.company(h.companyId)!;
  for (const invoice of created) await h.bcClient.postSalesInvoice(invoice.bcInvoiceId!);
  const call = (id: string, action: string, body: unknown) =>
    fetch(`${new URL(h.bcApiBaseUrl).origin}/_emulator/salesInvoices/${id}/${action}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.token}` },
      body: JSON.stringify(body),
    });
  expect((await call(created[0]!.bcInvoiceId!, 'dueDate', { dueDate: '2000-01-31' })).status).toBe(200);
  if (created[1]) expect((await call(created[1].bcInvoiceId!, 'payment', {})).status).toBe(200);
  await sync();

  auth.as = READER;
  const all = paymentsResponseSchema.parse((await api.call('GET', '/api/payments')).body);
  const byId = new Map(all.items.map((i) => [i.id, i]));
  expect(byId.get(created[0]!.id)).toMatchObject({ state: 'overdue', payment: { bcStatus: 'Open', dueDate: '2000-01-31' } });
  if (created[1]) expect(byId.get(created[1].id)).toMatchObject({ state: 'paid', payment: { bcStatus: 'Paid', remaining: { minor: 0 } } });
  const posted = company.salesInvoices.find((i) => i.id === created[0]!.bcInvoiceId)!;
  expect(byId.get(created[0]!.id)!.number).toBe(posted.number);

  const overdue = paymentsResponseSchema.parse((await api.call('GET', '/api/payments?overdue=true')).body);
  expect(overdue.items.map((i) => i.id)).toEqual([created[0]!.id]);
  const email = created[0]!.customer.email;
  const customer = paymentsResponseSchema.parse((await api.call('GET', `/api/payments?customer=${encodeURIComponent(email)}`)).body);
  expect(customer.items.map((i) => i.customer.email)).toEqual(customer.items.map(() => email));
  expect(customer.items.map((i) => i.id)).toContain(created[0]!.id);

  // The customer view: with the filter, the one customer with the overdue invoice, counted over that alone.
  const owing = paymentCustomersResponseSchema.parse((await api.call('GET', '/api/payments/customers?overdue=true&sort=due')).body);
  expect(owing.customers).toEqual([expect.objectContaining({ email, invoices: 1, overdue: 1, oldestDue: '2000-01-31' })]);
  expect(owing.customers[0]!.name).not.toBe('');
  const everyone = paymentCustomersResponseSchema.parse((await api.call('GET', '/api/payments/customers')).body);
  expect(everyone.customers.map((c) => c.email)).toEqual(expect.arrayContaining(created.map((i) => i.customer.email)));
  // The run's invoices carry their payment state.
  const page = runInvoicesResponseSchema.parse((await api.call('GET', `/api/invoice-runs/${runId}/invoices`)).body);
  expect(page.invoices.find((i) => i.id === created[0]!.id)).toMatchObject({ paymentState: 'overdue', payment: { dueDate: '2000-01-31' } });

  expect(errorOf(await api.call('GET', '/api/payments?overdue=maybe')).code).toBe('invalid_query');
  expect(errorOf(await api.call('GET', '/api/payments/customers?sort=amount')).code).toBe('invalid_query');
  auth.as = NOBODY;
  expect((await api.call('GET', '/api/payments')).status).toBe(403);
  expect((await api.call('GET', '/api/payments/customers')).status).toBe(403);
});
