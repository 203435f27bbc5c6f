import {
  appointmentChangeResponseSchema,
  auditResponseSchema,
  invoiceRunsResponseSchema,
  meResponseSchema,
  previewSchema,
  startedRunSchema,
  startedSyncSchema,
  syncRunSchema,
  syncRunsResponseSchema,
  unbilledResponseSchema,
  type UnbilledRow,
} from '../../contract/api-contract';
import { queryString } from '../../contract/endpoints';
import { errorOf, startApiTestServer, type ApiTestServer } from './testing/api-test-server';
import { runSummary, runWithInvoices, type RunWithInvoices } from './testing/run-answer';

/*
 * The tab's API end to end against both emulators: sync, list, invoice, poll, and the appointment
 * actions, history and audit that follow.
 */

let api: ApiTestServer;
let rows: UnbilledRow[];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function pollRun(runId: string): Promise<RunWithInvoices> {
  for (;;) {
    const run = await runSummary(api, runId);
    if (run.finished) return runWithInvoices(api, run);
    await sleep(50);
  }
}

beforeAll(async () => {
  api = await startApiTestServer();
  const started = await api.call('POST', '/api/sync');
  expect(started.status).toBe(202);
  const { syncRunId } = startedSyncSchema.parse(started.body);
  for (;;) {
    const res = await api.call('GET', `/api/sync/${syncRunId}`);
    expect(res.status).toBe(200);
    const run = syncRunSchema.parse(res.body);
    if (run.state === 'succeeded') break;
    if (run.state === 'failed') throw new Error(`sync failed: ${run.error}`);
    await sleep(50);
  }
  const listed = await api.call('GET', `/api/unbilled${queryString({ state: 'invoiceable', limit: 500 })}`);
  expect(listed.status).toBe(200);
  rows = unbilledResponseSchema.parse(listed.body).rows;
});

afterAll(async () => {
  await api?.close();
});

test("GET /api/unbilled pages on by an answer's after as by the offset", async () => {
  const page = (query: Record<string, string | number>) =>
    api.call('GET', `/api/unbilled${queryString({ state: 'unbilled', sort: 'amount', direction: 'desc', limit: 3, ...query })}`);
  const first = unbilledResponseSchema.parse((await page({})).body);
  expect(first.after).toEqual(expect.any(String));
  const byCursor = await page({ offset: 3, after: first.after! });
  expect(byCursor.status).toBe(200);
  expect(byCursor.body).toEqual((await page({ offset: 3 })).body);
  // The cursor names its sort: under another it is refused rather than misread.
  expect((await page({ sort: 'price', after: first.after! })).status).toBe(400);
});

test('GET /api/me is the sandbox identity outside Teams', async () => {
  const res = await api.call('GET', '/api/me');
  expect(res.status).toBe(200);
  expect(meResponseSchema.parse(res.body)).toEqual({ id: 'dev-user', name: 'Sandbox User', roles: ['admin', 'invoicer', 'reader'], mode: 'sandbox' });
});

test('a second POST /api/sync while none runs starts another; GET /api/sync lists runs newest first', async () => {
  const again = await api.call('POST', '/api/sync', { json: {} });
  expect(again.status).toBe(202);
  const { syncRunId } = startedSyncSchema.parse(again.body);
  await api.services.sync.waitFor(syncRunId);
  const res = await api.call('GET', '/api/sync?limit=5');
  expect(res.status).toBe(200);
  const { runs } = syncRunsResponseSchema.parse(res.body);
  expect(runs.length).toBe(2);
  expect(runs[0]!.id).toBe(syncRunId);
});

test('the unbilled list pages, counts and totals what the filter matches', async () => {
  expect(rows.length).toBeGreaterThan(5);
  const res = await api.call('GET', `/api/unbilled${queryString({ state: 'invoiceable', limit: 2, offset: 1, sort: 'start' })}`);
  expect(res.status).toBe(200);
  const page = unbilledResponseSchema.parse(res.body);
  expect(page.rows.map((r) => r.id)).toEqual(rows.slice(1, 3).map((r) => r.id));
  expect(page.total).toBe(rows.length);
  expect(page.totals.count).toBe(rows.length);
  expect(page.limit).toBe(2);

  const blocked = unbilledResponseSchema.parse((await api.call('GET', '/api/unbilled?state=not-invoiceable&limit=500')).body);
  expect(blocked.rows.every((r) => r.reason !== null && r.reasons.length > 0)).toBe(true);
});

test('names with markup come back as JSON text, never as HTML', async () => {
  const res = await api.call('GET', `/api/unbilled${queryString({ state: 'all', search: 'Ulla', limit: 50 })}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  const page = unbilledResponseSchema.parse(res.body);
  const names = page.rows.flatMap((r) => r.customers.map((c) => c.name));
  expect(names).toContain('Ulla <script>alert(1)</script> Berg');
  expect(res.text).not.toContain('<script>');
  expect(res.text).toContain('\\u003cscript\\u003e');
});

test('preview, then invoice 3 selected appointments: the run ends with numbered, linked invoices that exist in Business Central', async () => {
  const ids = rows.slice(0, 3).map((r) => r.id);
  const selection = { kind: 'ids', appointmentIds: ids };

  const previewed = await api.call('POST', '/api/invoice-runs/preview', { json: { selection } });
  expect(previewed.status).toBe(200);
  const preview = previewSchema.parse(previewed.body);
  expect(preview.invoices.flatMap((i) => i.appointmentIds).sort()).toEqual([...ids].sort());

  const started = await api.call('POST', '/api/invoice-runs', { json: { selection } });
  expect(started.status).toBe(202);
  const { runId } = startedRunSchema.parse(started.body);
  const run = await pollRun(runId);

  expect(run.state).toBe('succeeded');
  expect(run.requestedBy).toBe('dev-user');
  expect(run.source).toBe('tab');
  expect(run.invoices.flatMap((i) => i.appointmentIds).sort()).toEqual([...ids].sort());
  for (const invoice of run.invoices) {
    expect(invoice.number).toMatch(/\S/);
    expect(invoice.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const { salesInvoices } = await api.harness.bcClient.findSalesInvoices(`number eq '${invoice.number!}'`);
    expect(salesInvoices.map((s) => s.id)).toEqual([invoice.bcInvoiceId]);
  }

  const after = unbilledResponseSchema.parse((await api.call('GET', '/api/unbilled?state=invoiced&limit=500')).body);
  expect(after.rows.map((r) => r.id)).toEqual(expect.arrayContaining(ids));

  const history = await api.call('GET', '/api/invoice-runs?limit=10');
  expect(history.status).toBe(200);
  expect(invoiceRunsResponseSchema.parse(history.body).runs.map((r) => r.id)).toContain(runId);

  // Nothing failed, so there is nothing to retry.
  const retry = await api.call('POST', `/api/invoice-runs/${runId}/retry`);
  expect(retry.status).toBe(400);
  expect(errorOf(retry).code).toBe('invalid_body');
});

test('an invoice run over a filter selection', async () => {
  const first = rows[5]!;
  const day = first.start.slice(0, 10);
  const started = await api.call('POST', '/api/invoice-runs', { json: { selection: { kind: 'filter', from: day, to: day, search: first.serviceName } } });
  expect(started.status).toBe(202);
  const run = await pollRun(startedRunSchema.parse(started.body).runId);
  expect(['succeeded', 'nothing', 'partial']).toContain(run.state);
  expect(run.selection).toMatchObject({ kind: 'filter', from: day, to: day });
});

test('exclude and include an appointment, each in the audit log', async () => {
  const id = rows[10]!.id;
  const excluded = await api.call('POST', `/api/appointments/${encodeURIComponent(id)}/exclude`, { json: { reason: 'Paid in cash' } });
  expect(excluded.status).toBe(200);
  expect(appointmentChangeResponseSchema.parse(excluded.body)).toEqual({ id, change: 'excluded' });

  const listed = unbilledResponseSchema.parse((await api.call('GET', '/api/unbilled?state=excluded&limit=500')).body);
  expect(listed.rows.map((r) => r.id)).toContain(id);

  const twice = await api.call('POST', `/api/appointments/${encodeURIComponent(id)}/exclude`, { json: {} });
  expect(twice.status).toBe(409);
  expect(errorOf(twice).code).toBe('conflict');

  const included = await api.call('POST', `/api/appointments/${encodeURIComponent(id)}/include`);
  expect(included.status).toBe(200);
  expect(appointmentChangeResponseSchema.parse(included.body).change).toBe('included');

  const audit = await api.call('GET', '/api/audit?action=appointment.*');
  expect(audit.status).toBe(200);
  const entries = auditResponseSchema.parse(audit.body).entries;
  expect(entries.map((e) => [e.action, e.subject, e.actor])).toEqual([
    ['appointment.included', id, 'dev-user'],
    ['appointment.excluded', id, 'dev-user'],
  ]);
});

test('mark an appointment as a no-show (twice is no error), see it on its row, undo it; one audit entry each', async () => {
  const id = rows[12]!.id;
  const path = (change: string) => `/api/appointments/${encodeURIComponent(id)}/${change}`;
  const rowOf = async () => unbilledResponseSchema.parse((await api.call('GET', '/api/unbilled?state=unbilled&limit=500')).body).rows.find((r) => r.id === id)!;
  expect((await rowOf()).noShow).toBe(false);

  for (const attempt of [1, 2]) {
    const marked = await api.call('POST', path('no-show'));
    expect([attempt, marked.status]).toEqual([attempt, 200]);
    expect(appointmentChangeResponseSchema.parse(marked.body)).toEqual({ id, change: 'no-show' });
  }
  expect((await rowOf()).noShow).toBe(true);

  const undone = await api.call('POST', path('attended'), { json: {} });
  expect(undone.status).toBe(200);
  expect(appointmentChangeResponseSchema.parse(undone.body).change).toBe('attended');
  expect((await rowOf()).noShow).toBe(false);

  const entries = auditResponseSchema.parse((await api.call('GET', '/api/audit?action=appointment.*')).body).entries;
  expect(entries.filter((e) => e.subject === id).map((e) => [e.action, e.subject, e.actor])).toEqual([
    ['appointment.no-show-undone', id, 'dev-user'],
    ['appointment.no-show', id, 'dev-user'],
  ]);
});

test('an entered price: refused for an appointment Bookings prices, 404 for an unknown one', async () => {
  const current = unbilledResponseSchema.parse((await api.call('GET', '/api/unbilled?state=invoiceable&limit=500')).body).rows;
  const priced = current.find((r) => r.priceType === 'fixedPrice')!;
  const refused = await api.call('PUT', `/api/appointments/${encodeURIComponent(priced.id)}/price`, {
    json: { price: { minor: 50000, currency: priced.price?.currency ?? 'DKK' } },
  });
  expect(refused.status).toBe(409);
  expect(errorOf(refused).message).toMatch(/Bookings gives the price/);

  const unknown = await api.call('PUT', '/api/appointments/no-such-appointment/price', { json: { price: null } });
  expect(unknown.status).toBe(404);
  expect(errorOf(unknown).code).toBe('not_found');
});

test('an entered price for a "price varies" appointment makes it priced', async () => {
  const all = unbilledResponseSchema.parse((await api.call('GET', '/api/unbilled?state=unbilled&limit=500')).body).rows;
  const varies = all.find((r) => r.reason === 'price-needed');
  if (varies === undefined) throw new Error('the seed has no appointment that needs a price');
  const currency = varies.price?.currency ?? rows[0]!.price!.currency;
  const res = await api.call('PUT', `/api/appointments/${encodeURIComponent(varies.id)}/price`, { json: { price: { minor: 45000, currency } } });
  expect(res.status).toBe(200);
  const again = unbilledResponseSchema.parse((await api.call('GET', '/api/unbilled?state=unbilled&limit=500')).body).rows.find((r) => r.id === varies.id)!;
  expect(again.enteredPrice).toEqual({ minor: 45000, currency });
  expect(again.reasons).not.toContain('price-needed');
});
