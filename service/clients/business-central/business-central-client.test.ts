import { StaticTokenProvider } from '../auth/static-token-provider';
import { HttpError } from '../http/http-error';
import { InvalidResponseError } from '../http/invalid-response-error';
import { COMPANY_ID, rawCustomer, rawSalesInvoice, rawSalesInvoiceLine } from '../testing/bc-fixtures';
import { recordingSleep, sendJson, startTestServer, type TestHandler, type TestServer } from '../testing/test-server';
import { BusinessCentralClient, NoCompanyError } from './business-central-client';
import { and, eq, ne } from './odata-filter';
import { customerSchema } from './schemas/customer';
import { salesInvoiceSchema } from './schemas/sales-invoice';

const API = '/v2.0/tenant/production/api/v2.0';
const COMPANY = `${API}/companies(${COMPANY_ID})`;

let server: TestServer;
let handler: TestHandler;

beforeAll(async () => {
  server = await startTestServer((req, res, body, n) => handler(req, res, body, n));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function client(companyId: string | null = COMPANY_ID) {
  const recorder = recordingSleep();
  const bc = new BusinessCentralClient({
    apiBaseUrl: `${server.url}${API}`,
    companyId: companyId ?? undefined,
    tokenProvider: new StaticTokenProvider('bc-token'),
    retry: { sleep: recorder.sleep, random: () => 0.5, baseDelayMs: 100 },
  });
  return { bc, waits: recorder.waits };
}

const path = (i: number) => decodeURIComponent(new URL(server.requests[i]!.url, server.url).pathname);
const query = (i: number, name: string) => new URL(server.requests[i]!.url, server.url).searchParams.get(name);

describe('BusinessCentralClient reads', () => {
  it('lists companies without a company chosen, and refuses company calls then', async () => {
    handler = (_req, res) => sendJson(res, 200, { value: [{ id: COMPANY_ID, name: 'CRONUS', displayName: 'CRONUS Danmark', systemVersion: '1' }] });
    const { bc } = client(null);
    expect((await bc.listCompanies()).companies).toEqual([{ id: COMPANY_ID, name: 'CRONUS', displayName: 'CRONUS Danmark', businessProfileId: '' }]);
    expect(path(0)).toBe(`${API}/companies`);
    await expect(bc.listCustomers()).rejects.toThrow(NoCompanyError);
  });

  it('pages through customers with a safely quoted filter, keeping etags and reporting bad records', async () => {
    handler = (req, res) => {
      const url = new URL(req.url ?? '', server.url);
      if (url.searchParams.get('$skiptoken') === '2') return sendJson(res, 200, { value: [rawCustomer({ id: 'c2', type: 'Robot' })] });
      sendJson(res, 200, { value: [rawCustomer()], '@odata.nextLink': `${server.url}${COMPANY}/customers?$filter=x&$skiptoken=2` });
    };
    const { bc } = client();
    const result = await bc.listCustomers(eq('email', "o'brien@example.com"));
    expect(query(0, '$filter')).toBe("email eq 'o''brien@example.com'");
    expect(path(0)).toBe(`${COMPANY}/customers`);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer bc-token');
    expect(result.customers).toEqual([expect.objectContaining({ number: '10000', etag: 'W/"JzE5OzEyMzQ1Njc4OTAxMjM0NTY3ODkxOzAwOyc="', type: 'Person' })]);
    expect(result.customers[0]).not.toHaveProperty('@odata.etag');
    expect(result.customers[0]).not.toHaveProperty('website');
    expect(result.invalid).toEqual([{ entity: 'customer', id: 'c2', issues: expect.stringContaining('type') }]);
  });

  it('finds invoices by filter and reads one with its lines; a missing one is null', async () => {
    handler = (req, res) => {
      const url = new URL(req.url ?? '', server.url);
      if (url.pathname.includes('missing')) return sendJson(res, 404, { error: { code: 'BadRequest_NotFound', message: 'gone' } });
      if (url.pathname.endsWith('/salesInvoices')) return sendJson(res, 200, { value: [rawSalesInvoice()] });
      sendJson(res, 200, rawSalesInvoice({ salesInvoiceLines: [rawSalesInvoiceLine()] }));
    };
    const { bc } = client();
    const found = await bc.findSalesInvoices(and(eq('externalDocumentNumber', 'BK-RUN1-ABC'), ne('status', 'Canceled')));
    expect(found.salesInvoices.map((i) => i.number)).toEqual(['103001']);
    expect(query(0, '$filter')).toBe("(externalDocumentNumber eq 'BK-RUN1-ABC') and (status ne 'Canceled')");

    const invoice = await bc.getSalesInvoice('a0000000-0000-0000-0000-000000000001', { expandLines: true });
    expect(path(1)).toBe(`${COMPANY}/salesInvoices(a0000000-0000-0000-0000-000000000001)`);
    expect(query(1, '$expand')).toBe('salesInvoiceLines');
    expect(invoice?.salesInvoiceLines?.[0]).toMatchObject({ sequence: 10000, taxPercent: 25, etag: 'W/"line-1"' });
    expect(invoice?.etag).toBe('W/"inv-1"');
    expect(await bc.getSalesInvoice('missing')).toBeNull();
  });

  it('reads the company information record', async () => {
    handler = (_req, res) => sendJson(res, 200, { value: [{ id: 'ci', displayName: 'CRONUS', currencyCode: 'DKK' }] });
    const { bc } = client();
    expect(await bc.getCompanyInformation()).toMatchObject({ currencyCode: 'DKK' });
    expect(path(0)).toBe(`${COMPANY}/companyInformation`);
  });

  it('names the entity, id and field of a malformed single record', async () => {
    handler = (_req, res) => sendJson(res, 200, rawCustomer({ id: 'c9', type: undefined }));
    const { bc } = client();
    const error = await bc.getCustomer('c9').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ entity: 'customer', entityId: 'c9', fieldPath: 'type' });
  });
});

describe('BusinessCentralClient writes', () => {
  it('creates an invoice with its lines in one POST and does not repeat it after a 500', async () => {
    handler = (_req, res, _b, n) =>
      n === 1
        ? sendJson(res, 500, { error: { code: 'Internal_ServerError', message: 'Something went wrong. CorrelationId: abc' } })
        : sendJson(res, 201, rawSalesInvoice());
    const { bc } = client();
    const body = {
      customerId: 'c0000000-0000-0000-0000-000000000001',
      externalDocumentNumber: 'BK-RUN1-ABC',
      salesInvoiceLines: [{ lineType: 'Item' as const, itemId: 'i-1', description: 'Massage', quantity: 1, unitPrice: 650 }],
    };
    const error = await bc.createSalesInvoice(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ reason: 'server', code: 'Internal_ServerError', serviceMessage: 'Something went wrong. CorrelationId: abc' });
    expect(server.requests).toHaveLength(1);

    const invoice = await bc.createSalesInvoice(body);
    expect(invoice).toMatchObject({ number: '103001', status: 'Draft' });
    expect(server.requests[1]!.method).toBe('POST');
    expect(path(1)).toBe(`${COMPANY}/salesInvoices`);
    expect(JSON.parse(server.requests[1]!.body)).toEqual(body);
  });

  it('retries a create throttled with 429 (nothing was done)', async () => {
    handler = (_req, res, _b, n) => (n === 1 ? sendJson(res, 429, {}) : sendJson(res, 201, rawCustomer()));
    const { bc, waits } = client();
    expect((await bc.createCustomer({ displayName: 'Anne', type: 'Person', email: 'anne@example.com' })).number).toBe('10000');
    expect(waits).toEqual([50]);
  });

  it('surfaces a 400 with its Business Central code, once', async () => {
    handler = (_req, res) => sendJson(res, 400, { error: { code: 'BadRequest_InvalidToken', message: "Invalid token 'x'. CorrelationId: 1" } });
    const { bc } = client();
    await expect(bc.createItem({ displayName: 'Massage', type: 'Service' })).rejects.toMatchObject({
      reason: 'client',
      status: 400,
      code: 'BadRequest_InvalidToken',
      message: expect.stringContaining(`POST ${server.url}${COMPANY}/items failed: 400`),
    });
    expect(server.requests).toHaveLength(1);
  });

  it('deletes with If-Match and posts through the bound action', async () => {
    handler = (_req, res) => {
      res.writeHead(204);
      res.end();
    };
    const { bc } = client();
    await bc.deleteSalesInvoice('a1', 'W/"inv-1"');
    await bc.postSalesInvoice('a1');
    expect(server.requests[0]).toMatchObject({ method: 'DELETE', headers: expect.objectContaining({ 'if-match': 'W/"inv-1"' }) });
    expect(path(0)).toBe(`${COMPANY}/salesInvoices(a1)`);
    expect(server.requests[1]!.method).toBe('POST');
    expect(path(1)).toBe(`${COMPANY}/salesInvoices(a1)/Microsoft.NAV.post`);
  });

  it('maps a 412 on delete to a conflict', async () => {
    handler = (_req, res) => sendJson(res, 412, { error: { code: 'Request_EntityChanged', message: 'changed' } });
    const { bc } = client();
    await expect(bc.deleteSalesInvoice('a1', 'W/"old"')).rejects.toMatchObject({ reason: 'conflict', code: 'Request_EntityChanged' });
  });
});

describe('BusinessCentralClient concurrency', () => {
  it('keeps at most 5 requests in flight while 20 calls run, across forCompany copies', async () => {
    // The first answers wait until 5 requests are open: the limit is then reached for certain, and a
    // sixth would show in maxInFlight.
    let opened = 0;
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    handler = async (_req, res) => {
      if (++opened === 5) openGate();
      await gate;
      sendJson(res, 200, rawCustomer());
    };
    const { bc } = client();
    const other = bc.forCompany('99999999-2222-3333-4444-555555555555');
    await Promise.all([...Array(10)].flatMap((_, i) => [bc.getCustomer(`c${i}`), other.getCustomer(`d${i}`)]));
    expect(server.requests).toHaveLength(20);
    expect(server.maxInFlight).toBe(5);
    expect(server.requests.some((r) => r.url.includes('99999999-'))).toBe(true);
  });
});

describe('BusinessCentralClient $batch', () => {
  it('refuses more than 100 operations', async () => {
    const { bc } = client();
    const ops = [...Array(101)].map(() => ({ method: 'GET' as const, path: 'customers' }));
    await expect(bc.batch(ops)).rejects.toThrow(RangeError);
    expect(server.requests).toHaveLength(0);
  });

  it('sends operations relative to the company and reports each result, throttled items as retryable', async () => {
    handler = (_req, res, body) => {
      const { requests } = JSON.parse(body) as { requests: Array<{ id: string }> };
      const [a, b, c, d] = requests;
      sendJson(res, 200, {
        responses: [
          { id: d!.id, status: 204, body: undefined },
          { id: b!.id, status: 429, headers: { 'retry-after': '2' }, body: { error: { code: 'Application_TooManyRequests', message: 'slow down' } } },
          { id: a!.id, status: 201, body: rawSalesInvoice() },
          { id: c!.id, status: 400, body: { error: { code: 'BadRequest', message: 'customer blocked' } } },
        ],
      });
    };
    const { bc } = client();
    const create = (n: string) => ({
      method: 'POST' as const,
      path: 'salesInvoices',
      body: { externalDocumentNumber: n, salesInvoiceLines: [] },
      schema: salesInvoiceSchema,
      entity: 'salesInvoice',
    });
    const results = await bc.batch([create('A'), create('B'), create('C'), { method: 'DELETE', path: 'salesInvoices(x)', ifMatch: 'W/"x"' }]);

    const sent = JSON.parse(server.requests[0]!.body) as { requests: Array<Record<string, unknown>> };
    expect(server.requests[0]!.url).toBe(`${API}/$batch`);
    expect(server.requests[0]!.headers.isolation).toBeUndefined();
    expect(sent.requests[0]).toEqual({
      id: '1',
      method: 'POST',
      url: `companies(${COMPANY_ID})/salesInvoices`,
      headers: { 'Content-Type': 'application/json' },
      body: { externalDocumentNumber: 'A', salesInvoiceLines: [] },
    });
    expect(sent.requests[3]).toMatchObject({ method: 'DELETE', headers: { 'If-Match': 'W/"x"' } });

    expect(results.map((r) => [r.id, r.ok, r.status])).toEqual([
      ['1', true, 201],
      ['2', false, 429],
      ['3', false, 400],
      ['4', true, 204],
    ]);
    const [ok, throttled, refused] = results;
    if (!ok?.ok || throttled?.ok !== false || refused?.ok !== false) throw new Error('unexpected shape');
    expect(ok.value.number).toBe('103001');
    expect(throttled.retryable).toBe(true);
    expect(throttled.error).toMatchObject({ reason: 'throttled', retryAfterMs: 2000, code: 'Application_TooManyRequests' });
    expect(refused.retryable).toBe(false);
    expect(refused.error.message).toContain('customer blocked');
  });

  it('reads an answer whose items write their id as a number and a header value as a number, each item on its own', async () => {
    handler = (_req, res) =>
      sendJson(res, 200, {
        responses: [
          { id: 2, status: 429, headers: { 'Retry-After': 3, 'x-ms-correlation': null }, body: { error: { code: 'TooManyRequests', message: 'slow down' } } },
          { id: 1, status: 201, headers: { 'Content-Length': 512 }, body: rawSalesInvoice() },
        ],
      });
    const { bc } = client();
    const create = (n: string) => ({
      method: 'POST' as const,
      path: 'salesInvoices',
      body: { externalDocumentNumber: n },
      schema: salesInvoiceSchema,
      entity: 'salesInvoice',
    });
    const results = await bc.batch([create('A'), create('B')]);
    expect(results.map((r) => [r.id, r.ok, r.status])).toEqual([
      ['1', true, 201],
      ['2', false, 429],
    ]);
    expect(results[1]).toMatchObject({ retryable: true, error: { reason: 'throttled', retryAfterMs: 3000 } });
  });

  it('sends Isolation: snapshot when asked and reports a malformed item body as not retryable', async () => {
    handler = (_req, res) => sendJson(res, 200, { responses: [{ id: '1', status: 200, body: rawCustomer({ id: 'c5', type: 'Alien' }) }] });
    const { bc } = client();
    const [result] = await bc.batch([{ method: 'GET', path: 'customers(c5)', schema: customerSchema, entity: 'customer' }], { isolation: 'snapshot' });
    expect(server.requests[0]!.headers.isolation).toBe('snapshot');
    expect(result).toMatchObject({ ok: false, retryable: false, error: { entity: 'customer', entityId: 'c5', fieldPath: 'type' } });
  });

  it('retries the whole envelope on 429 but not on a reset unless idempotent', async () => {
    handler = (req, res, _b, n) => (n === 1 ? sendJson(res, 429, {}) : n === 2 ? void req.socket.destroy() : sendJson(res, 200, { responses: [] }));
    const { bc } = client();
    await expect(bc.batch([{ method: 'POST', path: 'items', body: {} }])).rejects.toMatchObject({ reason: 'network' });
    expect(server.requests).toHaveLength(2);
  });
});

describe('BusinessCentralClient findSalesInvoicesBatch', () => {
  const filters = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6'].map((n) => eq('externalDocumentNumber', n));
  const invoice = (n: string) => rawSalesInvoice({ id: `a0000000-0000-0000-0000-00000000000${n.slice(1)}`, externalDocumentNumber: n });

  it('never takes a failed item for "not found": 429, 500, 503, a missing answer and a next page are each read alone', async () => {
    // Every filter has one invoice, so an empty list for any of them is the duplicate-invoice bug.
    handler = (req, res, body) => {
      const url = new URL(req.url ?? '', server.url);
      if (url.pathname.endsWith('/$batch')) {
        const { requests } = JSON.parse(body) as { requests: Array<{ id: string }> };
        const [f1, f2, f3, f4, , f6] = requests;
        return sendJson(res, 200, {
          responses: [
            { id: f1!.id, status: 200, body: { value: [invoice('F1')] } },
            { id: f2!.id, status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'Application_TooManyRequests', message: 'slow down' } } },
            { id: f3!.id, status: 500, body: { error: { code: 'InternalServerError', message: 'boom' } } },
            { id: f4!.id, status: 503, body: { error: { code: 'ServiceUnavailable', message: 'busy' } } },
            // F5 has no answer at all.
            { id: f6!.id, status: 200, body: { value: [], '@odata.nextLink': `${server.url}${COMPANY}/salesInvoices?$skiptoken=6` } },
          ],
        });
      }
      const key = /'(F\d)'/.exec(url.searchParams.get('$filter') ?? '')?.[1];
      if (url.searchParams.get('$skiptoken') === '6') return sendJson(res, 200, { value: [invoice('F6')] });
      sendJson(res, 200, { value: [invoice(key!)] });
    };
    const { bc } = client();
    const lists = await bc.findSalesInvoicesBatch(filters);
    expect(lists.map((l) => l.salesInvoices.map((i) => i.externalDocumentNumber))).toEqual([['F1'], ['F2'], ['F3'], ['F4'], ['F5'], ['F6']]);
    // One envelope, then one GET for each of F2-F6 (F6 read alone from its first page).
    expect(server.requests.map((_r, i) => path(i).split('/').pop())).toEqual([
      '$batch',
      'salesInvoices',
      'salesInvoices',
      'salesInvoices',
      'salesInvoices',
      'salesInvoices',
    ]);
    expect(server.requests.slice(1).map((_r, i) => query(i + 1, '$filter'))).toEqual(filters.slice(1));
  });

  it('fails the look-up when a failed item cannot be read alone either, rather than answering empty', async () => {
    handler = (req, res, body) => {
      if (new URL(req.url ?? '', server.url).pathname.endsWith('/$batch')) {
        const { requests } = JSON.parse(body) as { requests: Array<{ id: string }> };
        return sendJson(res, 200, {
          responses: requests.map((r) => ({ id: r.id, status: 503, body: { error: { code: 'ServiceUnavailable', message: 'busy' } } })),
        });
      }
      sendJson(res, 400, { error: { code: 'BadRequest', message: 'no' } });
    };
    const { bc } = client();
    await expect(bc.findSalesInvoicesBatch(filters.slice(0, 2))).rejects.toBeInstanceOf(HttpError);
  });
});

describe('BusinessCentralClient set-up tables', () => {
  it('reads a table with its id, code and name, following next links and reporting a record without a code', async () => {
    handler = (req, res) => {
      const url = new URL(req.url ?? '', server.url);
      if (url.searchParams.get('$skiptoken') === '2') return sendJson(res, 200, { value: [{ id: 't3', code: '', displayName: 'Broken' }] });
      sendJson(res, 200, {
        value: [
          { '@odata.etag': 'W/"1"', id: 't1', code: '14 DAGE', displayName: 'Netto 14 dage', dueDateCalculation: '14D', discountPercent: 0 },
          { id: 't2', code: 'KONTANT', displayName: null },
        ],
        '@odata.nextLink': `${server.url}${COMPANY}/paymentTerms?$skiptoken=2`,
      });
    };
    const { bc } = client();
    const result = await bc.listSetupTable('paymentTerms');
    expect(path(0)).toBe(`${COMPANY}/paymentTerms`);
    expect(result.entries).toEqual([
      { id: 't1', code: '14 DAGE', displayName: 'Netto 14 dage' },
      { id: 't2', code: 'KONTANT', displayName: '' },
    ]);
    expect(result.invalid).toEqual([{ entity: 'paymentTerms', id: 't3', issues: expect.stringContaining('code') }]);
  });

  it("reads posting groups' description as their name", async () => {
    handler = (_req, res) => sendJson(res, 200, { value: [{ id: 'g1', code: 'YDELSER', description: 'Behandlinger og ydelser', autoInsertDefault: true }] });
    const { bc } = client();
    expect((await bc.listSetupTable('generalProductPostingGroups')).entries).toEqual([{ id: 'g1', code: 'YDELSER', displayName: 'Behandlinger og ydelser' }]);
    expect(path(0)).toBe(`${COMPANY}/generalProductPostingGroups`);
  });
});
