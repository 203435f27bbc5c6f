import { CSV_BOM } from '../../service/export/csv';
import { invoiceErrorWords } from '../../service/invoicing/run/invoice-error-words';
import { until } from '../../service/testing/until';
import {
  auditResponseSchema,
  invoiceRunsResponseSchema,
  runInvoicesResponseSchema,
  startedRunSchema,
  startedSyncSchema,
  syncRunSchema,
  unbilledResponseSchema,
  type RunSummary,
  type UnbilledRow,
} from '../../contract/api-contract';
import type { Authenticator, Identity } from './auth/identity';
import { errorOf, startApiTestServer, type ApiTestServer } from './testing/api-test-server';
import { runSummary, runWithInvoices, type RunWithInvoices } from './testing/run-answer';

/*
 * History end to end: who acted by name, a run's invoices paged, retrying its failures, and the CSV
 * exports (readers may export; only invoicers retry).
 */

const INVOICER: Identity = { id: '6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11', name: 'Ivan Invoicer', roles: ['invoicer', 'reader'] };
/** A display name a spreadsheet would run as a formula. */
const SLY: Identity = { id: '0b5d7c55-0c51-4d0b-8d34-93f2c8a5e0aa', name: '=HYPERLINK("http://x","Sly")', roles: ['invoicer', 'reader'] };
const READER: Identity = { id: 'reader-1', name: 'Rita Reader', roles: ['reader'] };

const auth: Authenticator & { as: Identity } = { as: INVOICER, authenticate: async () => auth.as };
let api: ApiTestServer;
let partial: RunWithInvoices;
let blockedEmail: string;

async function finished(runId: string): Promise<RunWithInvoices> {
  let run: RunSummary | undefined;
  await until(async () => {
    run = await runSummary(api, runId);
    return run.finished;
  }, `run ${runId} finishes`);
  return runWithInvoices(api, run!);
}

/** fetch's text() drops the byte order mark; the body's bytes keep it. */
async function download(urlPath: string): Promise<{ status: number; headers: Headers; bytes: Buffer; text: string }> {
  const res = await fetch(`${api.origin}${urlPath}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') };
}

function csvLines(text: string): string[] {
  expect(text.startsWith(CSV_BOM)).toBe(true);
  return text
    .slice(CSV_BOM.length)
    .split('\r\n')
    .filter((l) => l !== '');
}

async function sync(): Promise<void> {
  const { syncRunId } = startedSyncSchema.parse((await api.call('POST', '/api/sync')).body);
  await until(async () => syncRunSchema.parse((await api.call('GET', `/api/sync/${syncRunId}`)).body).state === 'succeeded', 'the sync succeeds');
}

beforeAll(async () => {
  api = await startApiTestServer({ authenticator: auth });
  await sync();

  // Three appointments of three customers that Business Central knows; the first one's customer is then blocked there.
  const company = api.harness.bc.state.company(api.harness.companyId)!;
  const known = (row: UnbilledRow) => company.customers.some((c) => c.email.toLowerCase() === row.customers[0]?.email.toLowerCase());
  const rows = unbilledResponseSchema.parse((await api.call('GET', '/api/unbilled?state=invoiceable&limit=500')).body).rows;
  const chosen: UnbilledRow[] = [];
  for (const row of rows) {
    if (row.customers.length === 1 && known(row) && !chosen.some((c) => c.customers[0]!.email === row.customers[0]!.email)) chosen.push(row);
    if (chosen.length === 3) break;
  }
  expect(chosen).toHaveLength(3);
  blockedEmail = chosen[0]!.customers[0]!.email.toLowerCase();
  company.customers.find((c) => c.email.toLowerCase() === blockedEmail)!.blocked = 'All';

  const started = await api.call('POST', '/api/invoice-runs', { json: { selection: { kind: 'ids', appointmentIds: chosen.map((r) => r.id) } } });
  expect(started.status).toBe(202);
  partial = await finished(startedRunSchema.parse(started.body).runId);
});

afterAll(async () => {
  await api?.close();
});

test('the polled run answer is its summary: no invoices, and how many of them stand in each status', async () => {
  const res = await api.call('GET', `/api/invoice-runs/${partial.id}`);
  expect(res.status).toBe(200);
  expect(res.body).not.toHaveProperty('invoices');
  const byStatus: Record<string, number> = {};
  for (const invoice of partial.invoices) byStatus[invoice.status] = (byStatus[invoice.status] ?? 0) + 1;
  await expect(runSummary(api, partial.id)).resolves.toMatchObject({ state: 'partial', byStatus });
  expect(Object.values(byStatus).reduce((a, b) => a + b, 0)).toBe(3);
});

test('a run names who started it; its invoices come a page at a time with numbers, customers, amounts and links', async () => {
  expect(partial.state).toBe('partial');
  const runs = invoiceRunsResponseSchema.parse((await api.call('GET', '/api/invoice-runs?limit=1&offset=0')).body);
  expect(runs.runs[0]).toMatchObject({ id: partial.id, who: { kind: 'person', name: 'Ivan Invoicer' } });

  const first = runInvoicesResponseSchema.parse((await api.call('GET', `/api/invoice-runs/${partial.id}/invoices?limit=2&offset=0`)).body);
  const rest = runInvoicesResponseSchema.parse((await api.call('GET', `/api/invoice-runs/${partial.id}/invoices?limit=2&offset=2`)).body);
  expect(first.total).toBe(3);
  expect(first.invoices).toHaveLength(2);
  expect(rest.invoices).toHaveLength(1);
  const all = [...first.invoices, ...rest.invoices];
  expect(all.map((i) => i.id).sort()).toEqual(partial.invoices.map((i) => i.id).sort());
  const failed = all.filter((i) => i.status === 'failed');
  expect(failed.map((i) => i.customer.email.toLowerCase())).toEqual([blockedEmail]);
  for (const created of all.filter((i) => i.status !== 'failed')) {
    expect(created.number).toMatch(/\S/);
    expect(created.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(created.customer.name).not.toBe('');
  }

  expect((await api.call('GET', '/api/invoice-runs/no-such-run/invoices')).status).toBe(404);
  expect(errorOf(await api.call('GET', `/api/invoice-runs/${partial.id}/invoices?limit=500`)).code).toBe('invalid_query');
});

test("a run's invoices as CSV: a header, a row per invoice with its exact amount, and the failed one with its reason", async () => {
  auth.as = READER;
  const res = await download(`/api/export/invoice-runs/${partial.id}/invoices?lang=en`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="invoices-\d{4}-\d{2}-\d{2}\.csv"/);
  expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...lines] = csvLines(res.text);
  expect(header).toBe('Invoice number,Status,Customer,Customer email,Customer number,Invoice date,Amount,Currency,Problem,Link');
  expect(lines).toHaveLength(3);
  const invoice = partial.invoices.find((i) => i.status !== 'failed')!;
  const amount = `${Math.floor(invoice.amount.minor / 100)}.${String(invoice.amount.minor % 100).padStart(2, '0')}`;
  expect(lines.find((l) => l.startsWith(`${invoice.number!},`))).toContain(`,${amount},${invoice.amount.currency},`);
  expect(lines.find((l) => l.toLowerCase().includes(blockedEmail))).toMatch(/^,failed,/);

  // Why it failed in the reader's words, as the tab and the bot say it, not the English the run stored.
  const stored = partial.invoices.find((i) => i.status === 'failed')!.error!;
  expect(lines.find((l) => l.toLowerCase().includes(blockedEmail))).toContain(invoiceErrorWords(stored, 'en'));

  const danish = await download(`/api/export/invoice-runs/${partial.id}/invoices?lang=da`);
  expect(csvLines(danish.text)[0]).toBe('Fakturanummer,Status,Kunde,Kundens e-mail,Kundenummer,Fakturadato,Beløb,Valuta,Problem,Link');
  expect(csvLines(danish.text).find((l) => l.toLowerCase().includes(blockedEmail))).toContain(invoiceErrorWords(stored, 'da'));
  expect((await api.call('GET', '/api/export/invoice-runs/no-such-run/invoices')).status).toBe(404);
  auth.as = INVOICER;
});

test('a reader may not retry; an invoicer retries the failures once the customer is unblocked, and they are created once', async () => {
  auth.as = READER;
  const refused = await api.call('POST', `/api/invoice-runs/${partial.id}/retry`);
  expect(refused.status).toBe(403);

  // Unblocked in Business Central; the run had learnt it was blocked, and the next sync sees it is not.
  api.harness.bc.state.company(api.harness.companyId)!.customers.find((c) => c.email.toLowerCase() === blockedEmail)!.blocked = ' ';
  auth.as = INVOICER;
  await sync();
  auth.as = SLY;
  const started = await api.call('POST', `/api/invoice-runs/${partial.id}/retry`);
  expect(started.status).toBe(202);
  const retry = await finished(startedRunSchema.parse(started.body).runId);
  expect(retry).toMatchObject({ state: 'succeeded', retryOf: partial.id });
  const company = api.harness.bc.state.company(api.harness.companyId)!;
  const blockedCustomer = company.customers.find((c) => c.email.toLowerCase() === blockedEmail)!;
  const invoicesOfCustomer = company.salesInvoices.filter(
    (i) => i.customerId === blockedCustomer.id && partial.invoices.concat(retry.invoices).some((r) => r.bcInvoiceId === i.id),
  );
  expect(invoicesOfCustomer).toHaveLength(1);

  // The runs export names each by who started it; a name that would be a formula is made inert.
  auth.as = READER;
  const runs = await download('/api/export/invoice-runs?lang=en');
  expect(runs.status).toBe(200);
  const [header, ...lines] = csvLines(runs.text);
  expect(header).toBe('Started,Finished,Who,From,State,Invoices created,Failed,Skipped,Total,Currency,Problem');
  expect(lines[0]).toContain(`,"'=HYPERLINK(""http://x"",""Sly"")",Teams tab,Succeeded,1,0,0,`);
  expect(lines[1]).toContain(',Ivan Invoicer,Teams tab,Partly failed,2,1,0,');
  auth.as = INVOICER;
});

test('the audit log pages with a total and exports with who and what in words', async () => {
  auth.as = INVOICER;
  const appointment = unbilledResponseSchema.parse((await api.call('GET', '/api/unbilled?state=invoiceable&limit=1')).body).rows[0]!;
  expect((await api.call('POST', `/api/appointments/${encodeURIComponent(appointment.id)}/exclude`, { json: { reason: 'Paid in cash' } })).status).toBe(200);

  const page = auditResponseSchema.parse((await api.call('GET', '/api/audit?limit=1&offset=0')).body);
  expect(page.total).toBeGreaterThanOrEqual(3);
  expect(page.entries[0]).toMatchObject({
    action: 'appointment.excluded',
    who: { kind: 'person', name: 'Ivan Invoicer' },
    about: { kind: 'appointment', service: appointment.serviceName, customers: appointment.customers.map((c) => c.name), start: appointment.start },
  });
  const next = auditResponseSchema.parse((await api.call('GET', '/api/audit?limit=1&offset=1')).body);
  expect(next.entries[0]!.id).toBeLessThan(page.entries[0]!.id);

  auth.as = READER;
  const csv = await download('/api/export/audit?lang=da');
  expect(csv.status).toBe(200);
  const [header, first] = csvLines(csv.text);
  expect(header).toBe('Hvornår,Hvem,Fra,Handling,Om,Detaljer');
  expect(first).toContain(`,Ivan Invoicer,Teams-fane,Udeladt af fakturering,"Aftale: ${appointment.serviceName}`);
  expect(first).not.toContain(appointment.id);
  auth.as = INVOICER;
});

test('the Unbilled list exports every row of the current filter, not one page', async () => {
  auth.as = READER;
  const filter = 'state=unbilled&sort=customer&direction=desc';
  const listed = unbilledResponseSchema.parse((await api.call('GET', `/api/unbilled?${filter}&limit=5`)).body);
  const res = await download(`/api/export/unbilled?${filter}&lang=en`);
  expect(res.status).toBe(200);
  const [header, ...lines] = csvLines(res.text);
  expect(header).toBe('Start,End,Minutes,Customers,Emails,Service,Staff,Price type,Unit price,Amount,Currency,State,Reason');
  expect(lines).toHaveLength(listed.total);
  expect(listed.total).toBeGreaterThan(5);
  expect(lines[0]).toContain(listed.rows[0]!.serviceName);

  const bad = await api.call('GET', '/api/export/unbilled?from=2026-12-02&to=2026-12-01');
  expect(bad.status).toBe(400);
  expect(errorOf(bad).code).toBe('invalid_query');
  auth.as = INVOICER;
});
