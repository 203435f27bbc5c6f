import { createBcEmulator, type BcListening } from './index';
import { BLOCKED_ID, BOOK_ITEM_ID, COMPANY_CUSTOMER_ID, COMPANY_ID, PAYMENT_TERMS_ID, PERSON_ID, SERVICE_ITEM_ID, testSeed } from './test-fixtures';

const TOKEN = 'test-token';
const emulator = createBcEmulator(testSeed(), { token: TOKEN }, { now: () => new Date('2024-05-10T12:00:00Z') });
let server: BcListening;
let company: string;

beforeAll(async () => {
  server = await emulator.listen();
  company = `${server.apiBaseUrl}/companies(${COMPANY_ID})`;
});
afterAll(() => server.close());

interface Reply {
  status: number;
  headers: Headers;
  body: any; // assertions read arbitrary JSON
}

async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
}

describe('authentication and routing', () => {
  it('answers 401 without the bearer token', async () => {
    const res = await fetch(`${server.apiBaseUrl}/companies`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('Authentication_InvalidCredentials');
  });

  it('answers 404 for another tenant or environment', async () => {
    const res = await call('GET', `${server.origin}/v2.0/other/sandbox/api/v2.0/companies`);
    expect(res.status).toBe(404);
  });

  it('rejects an unknown entity set with a BC error and correlation id', async () => {
    const res = await call('GET', `${company}/vendorsx`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadRequest_ResourceNotFound');
    expect(res.body.error.message).toMatch(/^Resource not found for the segment 'vendorsx'\. {2}CorrelationId: {2}[0-9a-f-]{36}\.$/);
  });
});

describe('companies and companyInformation', () => {
  it('lists companies with @odata.context and etags', async () => {
    const res = await call('GET', `${server.apiBaseUrl}/companies`);
    expect(res.status).toBe(200);
    expect(res.body['@odata.context']).toBe(`${server.apiBaseUrl}/$metadata#companies`);
    expect(res.body.value).toHaveLength(1);
    expect(res.body.value[0].id).toBe(COMPANY_ID);
    expect(res.body.value[0]['@odata.etag']).toMatch(/^W\/"/);
  });

  it('serves companyInformation as a one-record collection with the local currency', async () => {
    const res = await call('GET', `${company}/companyInformation`);
    expect(res.body.value).toHaveLength(1);
    expect(res.body.value[0].currencyCode).toBe('DKK');
  });
});

describe('customers', () => {
  it('filters by email and selects fields', async () => {
    const res = await call('GET', `${company}/customers?$filter=${encodeURIComponent("email eq 'anna@example.com'")}&$select=number,displayName`);
    expect(res.status).toBe(200);
    expect(res.body.value).toEqual([{ '@odata.etag': expect.any(String), number: 'C00010', displayName: 'Anna Jensen' }]);
    expect(res.body['@odata.context']).toContain('/customers(number,displayName)');
  });

  it('answers 400 for a filter on an unknown property or with bad syntax', async () => {
    expect((await call('GET', `${company}/customers?$filter=${encodeURIComponent("foo eq 'x'")}`)).status).toBe(400);
    expect((await call('GET', `${company}/customers?$filter=${encodeURIComponent("email eq 'x")}`)).status).toBe(400);
  });

  it('creates a customer with the next number and the template rule applied', async () => {
    const res = await call('POST', `${company}/customers`, { displayName: 'New Person', type: 'Person', email: 'new@example.com' });
    expect(res.status).toBe(201);
    expect(res.body.number).toBe('C00040');
    expect(res.body.paymentTermsId).toBe(PAYMENT_TERMS_ID);
    expect(res.body.currencyCode).toBe('DKK');
    expect(emulator.state.company(COMPANY_ID)!.customerPricesIncludeTax[res.body.id]).toBe(true);
    const company2 = await call('POST', `${company}/customers`, { displayName: 'New Firm', type: 'Company' });
    expect(emulator.state.company(COMPANY_ID)!.customerPricesIncludeTax[company2.body.id]).toBe(false);
  });

  it('enforces field lengths, blank names, read-only id, unknown properties, currencies and invalid JSON', async () => {
    const long = await call('POST', `${company}/customers`, { displayName: 'x'.repeat(101) });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toContain('The length of the string is 101, but it must be less than or equal to 100 characters.');
    expect((await call('POST', `${company}/customers`, { displayName: 'A', email: `${'e'.repeat(75)}@x.com` })).status).toBe(400);
    expect((await call('POST', `${company}/customers`, { displayName: '  ' })).body.error.message).toContain('Name must have a value');
    const readOnly = await call('POST', `${company}/customers`, { id: PERSON_ID, displayName: 'A' });
    expect(readOnly.status).toBe(400);
    expect(readOnly.body.error.message).toContain("'id' is read-only");
    expect((await call('POST', `${company}/customers`, { displayName: 'A', shoeSize: 42 })).body.error.message).toContain(
      "The property 'shoeSize' does not exist on type 'Microsoft.NAV.customer'",
    );
    expect((await call('POST', `${company}/customers`, { displayName: 'A', currencyCode: 'XXX' })).body.error.message).toContain('"currencyCode"');
    const bad = await call('POST', `${company}/customers`, '{"displayName": ');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('Invalid Request Body');
  });

  it('PATCH needs If-Match: missing → 400, stale → 409, current or * → 200 with a new etag', async () => {
    const current = await call('GET', `${company}/customers(${COMPANY_CUSTOMER_ID})`);
    const etag = current.body['@odata.etag'] as string;
    const missing = await call('PATCH', `${company}/customers(${COMPANY_CUSTOMER_ID})`, { city: 'Aarhus' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('BadRequest_InvalidToken');
    const ok = await call('PATCH', `${company}/customers(${COMPANY_CUSTOMER_ID})`, { city: 'Aarhus' }, { 'if-match': etag });
    expect(ok.status).toBe(200);
    expect(ok.body.city).toBe('Aarhus');
    expect(ok.body['@odata.etag']).not.toBe(etag);
    const stale = await call('PATCH', `${company}/customers(${COMPANY_CUSTOMER_ID})`, { city: 'Odense' }, { 'if-match': etag });
    expect(stale.status).toBe(409);
    expect((await call('PATCH', `${company}/customers(${COMPANY_CUSTOMER_ID})`, { city: 'Odense' }, { 'if-match': '*' })).body.city).toBe('Odense');
  });

  it('deletes a customer with If-Match and then answers 404 for it', async () => {
    const created = await call('POST', `${company}/customers`, { displayName: 'Short-lived' });
    const url = `${company}/customers(${created.body.id})`;
    expect((await call('DELETE', url)).status).toBe(400);
    expect((await call('DELETE', url, undefined, { 'if-match': created.body['@odata.etag'] })).status).toBe(204);
    expect((await call('GET', url)).status).toBe(404);
  });
});

describe('items', () => {
  it('creates an item with the item template (tax group, unit of measure, posting group)', async () => {
    const res = await call('POST', `${company}/items`, { displayName: 'Massage', type: 'Service', unitPrice: 500 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: '1002', taxGroupCode: 'SERVICES', baseUnitOfMeasureCode: 'HOUR', generalProductPostingGroupCode: 'SERVICES' });
    expect((await call('POST', `${company}/items`, { displayName: '' })).status).toBe(400);
    expect((await call('POST', `${company}/items`, { displayName: 'X', type: 'Gadget' })).body.error.message).toContain("'Gadget' is not an option");
  });
});

describe('sales invoices', () => {
  const invoiceUrl = (id: string) => `${company}/salesInvoices(${id})`;

  it('deep-inserts lines and computes amounts for a VAT-inclusive customer', async () => {
    const res = await call('POST', `${company}/salesInvoices?$expand=salesInvoiceLines`, {
      customerId: PERSON_ID,
      externalDocumentNumber: 'run-1/appt-a',
      salesInvoiceLines: [
        { lineType: 'Item', itemId: SERVICE_ITEM_ID, quantity: 0.833333, unitPrice: 600 },
        { lineObjectNumber: '1001', quantity: 1, unitPrice: 33.33, description: 'Book' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      number: '102001',
      status: 'Draft',
      externalDocumentNumber: 'RUN-1/APPT-A',
      customerNumber: 'C00010',
      customerName: 'Anna Jensen',
      pricesIncludeTax: true,
      currencyCode: 'DKK',
      invoiceDate: '2024-05-10',
    });
    const [first, second] = res.body.salesInvoiceLines;
    // 0.83333 x 600 = 499.998 → 500.00 incl. 25 % VAT → 400.00 + 100.00
    expect(first).toMatchObject({
      sequence: 10000,
      quantity: 0.83333,
      amountIncludingTax: 500,
      amountExcludingTax: 400,
      totalTaxAmount: 100,
      taxPercent: 25,
      description: 'Consultation',
      unitOfMeasureCode: 'HOUR',
    });
    // 33.33 incl. 12.5 % → 29.626… → 29.63 + 3.70
    expect(second).toMatchObject({
      sequence: 20000,
      itemId: BOOK_ITEM_ID,
      amountIncludingTax: 33.33,
      amountExcludingTax: 29.63,
      totalTaxAmount: 3.7,
      taxPercent: 12.5,
    });
    expect(res.body).toMatchObject({ totalAmountExcludingTax: 429.63, totalTaxAmount: 103.7, totalAmountIncludingTax: 533.33 });
  });

  it('adds VAT for a VAT-exclusive customer and defaults the unit price from the item', async () => {
    const res = await call('POST', `${company}/salesInvoices`, {
      customerNumber: 'C00020',
      salesInvoiceLines: [{ itemId: SERVICE_ITEM_ID, quantity: 1.5 }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ pricesIncludeTax: false, totalAmountExcludingTax: 150, totalTaxAmount: 37.5, totalAmountIncludingTax: 187.5 });
    expect(res.body.salesInvoiceLines).toBeUndefined();
    const lines = await call('GET', `${invoiceUrl(res.body.id)}/salesInvoiceLines`);
    expect(lines.body.value[0]).toMatchObject({ unitPrice: 100, amountExcludingTax: 150 });
  });

  it.each([
    [{ customerId: PERSON_ID, number: 'X1' }, "'number' is read-only"],
    [{ customerId: PERSON_ID, status: 'Open' }, "'status' is read-only"],
    [{ customerId: PERSON_ID, totalAmountIncludingTax: 1 }, 'read-only'],
    [{ customerId: 'abababab-0000-0000-0000-000000000000' }, 'The "customerId" does not match to a Customer.'],
    [{ customerNumber: 'NOPE' }, 'The "customerNumber" does not match to a Customer.'],
    [{}, 'A "customerNumber" or a "customerId" must be provided.'],
    [{ customerId: BLOCKED_ID }, 'is blocked with type Invoice'],
    [{ customerId: PERSON_ID, currencyCode: 'ZZZ' }, '"currencyCode"'],
    [{ customerId: PERSON_ID, externalDocumentNumber: 'x'.repeat(36) }, 'less than or equal to 35'],
    [
      { customerId: PERSON_ID, salesInvoiceLines: [{ itemId: 'abababab-0000-0000-0000-000000000000', quantity: 1 }] },
      'The "itemId" does not match to an Item.',
    ],
    [
      { customerId: PERSON_ID, salesInvoiceLines: [{ lineObjectNumber: 'NOPE', quantity: 1 }] },
      "The Item does not exist. Identification fields and values: No.='NOPE'",
    ],
    [{ customerId: PERSON_ID, salesInvoiceLines: [{ itemId: SERVICE_ITEM_ID, accountId: BOOK_ITEM_ID }] }, 'only specify one'],
    [{ customerId: PERSON_ID, salesInvoiceLines: [{ itemId: SERVICE_ITEM_ID, amountIncludingTax: 5 }] }, "'amountIncludingTax' is read-only"],
    [{ customerId: PERSON_ID, salesInvoiceLines: [{ itemId: SERVICE_ITEM_ID, description: 'd'.repeat(101) }] }, 'less than or equal to 100'],
  ])('rejects %j with a 400 BC error', async (body, message) => {
    const before = emulator.state.company(COMPANY_ID)!.salesInvoices.length;
    const res = await call('POST', `${company}/salesInvoices`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
    expect(emulator.state.company(COMPANY_ID)!.salesInvoices.length).toBe(before);
  });

  it('finds invoices by externalDocumentNumber, customerId and invoiceDate', async () => {
    const filter = `externalDocumentNumber eq 'RUN-1/APPT-A' and customerId eq ${PERSON_ID} and invoiceDate eq 2024-05-10 and status ne 'Canceled'`;
    const res = await call('GET', `${company}/salesInvoices?$filter=${encodeURIComponent(filter)}`);
    expect(res.body.value.map((i: { number: string }) => i.number)).toEqual(['102001']);
  });

  it('adds a line, updates totals and the etag; PATCH of a line recomputes', async () => {
    const created = await call('POST', `${company}/salesInvoices`, { customerId: COMPANY_CUSTOMER_ID });
    const url = invoiceUrl(created.body.id);
    const line = await call('POST', `${url}/salesInvoiceLines`, { itemId: SERVICE_ITEM_ID, quantity: 2, unitPrice: 10 });
    expect(line.status).toBe(201);
    const after = await call('GET', url);
    expect(after.body.totalAmountIncludingTax).toBe(25);
    expect(after.body['@odata.etag']).not.toBe(created.body['@odata.etag']);
    const patched = await call('PATCH', `${url}/salesInvoiceLines(${line.body.id})`, { quantity: 3 }, { 'if-match': line.body['@odata.etag'] });
    expect(patched.body).toMatchObject({ quantity: 3, amountExcludingTax: 30, amountIncludingTax: 37.5 });
  });

  it('posts a draft (Microsoft.NAV.post): status Open, posted number, same id; then cancels it', async () => {
    const created = await call('POST', `${company}/salesInvoices`, {
      customerId: COMPANY_CUSTOMER_ID,
      salesInvoiceLines: [{ itemId: SERVICE_ITEM_ID, quantity: 1 }],
    });
    const url = invoiceUrl(created.body.id);
    expect((await call('POST', `${url}/Microsoft.NAV.post`)).status).toBe(204);
    const posted = await call('GET', url);
    expect(posted.body).toMatchObject({ id: created.body.id, status: 'Open', number: '103001' });
    expect((await call('POST', `${url}/Microsoft.NAV.post`)).body.error.message).toContain('draft invoice only');
    expect((await call('DELETE', url, undefined, { 'if-match': '*' })).status).toBe(400);
    expect((await call('PATCH', url, { externalDocumentNumber: 'x' }, { 'if-match': '*' })).status).toBe(400);
    expect((await call('POST', `${url}/Microsoft.NAV.cancel`)).status).toBe(204);
    expect((await call('GET', url)).body.status).toBe('Canceled');
    expect((await call('POST', `${url}/Microsoft.NAV.cancel`)).body.error.message).toContain('already been canceled');
  });

  it('posts and emails a draft (Microsoft.NAV.postAndSend), sends a posted one again (Microsoft.NAV.send), never a draft', async () => {
    const created = await call('POST', `${company}/salesInvoices`, {
      customerId: COMPANY_CUSTOMER_ID,
      salesInvoiceLines: [{ itemId: SERVICE_ITEM_ID, quantity: 1 }],
    });
    const url = invoiceUrl(created.body.id);
    const outbox = () => (emulator.state.company(COMPANY_ID)!.outbox ?? []).filter((m) => m.invoiceId === created.body.id);
    expect((await call('POST', `${url}/Microsoft.NAV.send`)).body.error.message).toContain('posted invoice only');
    expect(outbox()).toHaveLength(0);
    expect((await call('POST', `${url}/Microsoft.NAV.postAndSend`)).status).toBe(204);
    const posted = await call('GET', url);
    expect(posted.body).toMatchObject({ status: 'Open', number: expect.stringMatching(/^103\d{3}$/) });
    expect(outbox()).toEqual([expect.objectContaining({ number: posted.body.number, to: 'billing@obrien.example' })]);
    expect((await call('POST', `${url}/Microsoft.NAV.postAndSend`)).body.error.message).toContain('draft invoice only');
    expect((await call('PATCH', url, { externalDocumentNumber: 'x' }, { 'if-match': '*' })).status).toBe(400);
    expect((await call('POST', `${url}/Microsoft.NAV.send`)).status).toBe(204);
    expect(outbox()).toHaveLength(2);
  });

  it('refuses to post an invoice without lines and deletes a draft', async () => {
    const created = await call('POST', `${company}/salesInvoices`, { customerId: COMPANY_CUSTOMER_ID });
    const url = invoiceUrl(created.body.id);
    expect((await call('POST', `${url}/Microsoft.NAV.post`)).body.error.message).toContain('nothing to post');
    expect((await call('POST', `${url}/Microsoft.NAV.cancel`)).body.error.message).toContain('posted invoice only');
    expect((await call('DELETE', url, undefined, { 'if-match': created.body['@odata.etag'] })).status).toBe(204);
    expect((await call('GET', url)).status).toBe(404);
  });
});

describe('paging', () => {
  it('follows @odata.nextLink to the last page', async () => {
    const paged = createBcEmulator(testSeed(23), { token: TOKEN, pageSize: 10 });
    const s = await paged.listen();
    try {
      let url: string | undefined = `${s.apiBaseUrl}/companies(${COMPANY_ID})/customers?$select=number`;
      const numbers: string[] = [];
      let pages = 0;
      while (url) {
        const res = await call('GET', url);
        expect(res.status).toBe(200);
        numbers.push(...res.body.value.map((c: { number: string }) => c.number));
        url = res.body['@odata.nextLink'];
        if (url)
          expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2\.0\/contoso\/sandbox\/api\/v2\.0\/companies\(.+\)\/customers\?\$select=number&\$skiptoken=/);
        pages += 1;
      }
      expect(pages).toBe(3);
      expect(numbers).toHaveLength(26);
      expect(new Set(numbers).size).toBe(26);
      const top = await call('GET', `${s.apiBaseUrl}/companies(${COMPANY_ID})/customers?$top=12&$skip=2`);
      expect(top.body.value).toHaveLength(10);
      const rest = await call('GET', top.body['@odata.nextLink']);
      expect(rest.body.value).toHaveLength(2);
      expect(rest.body['@odata.nextLink']).toBeUndefined();
    } finally {
      await s.close();
    }
  });
});

describe('sandbox invoice page', () => {
  it('shows the invoice without a token, HTML-escaping every value', async () => {
    const created = await call('POST', `${company}/salesInvoices`, {
      customerId: COMPANY_CUSTOMER_ID,
      salesInvoiceLines: [{ itemId: SERVICE_ITEM_ID, quantity: 1, description: '<script>alert("x")</script>' }],
    });
    const res = await fetch(`${server.origin}/sandbox/companies/${COMPANY_ID}/salesInvoices/${created.body.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain(created.body.number);
    expect(html).toContain('O&#39;Brien &amp; Co');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('125.00');
    expect((await fetch(`${server.origin}/sandbox/companies/${COMPANY_ID}/salesInvoices/${PERSON_ID}`)).status).toBe(404);
  });
});
