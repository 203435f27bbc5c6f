import { StaticTokenProvider } from '../../clients/auth/static-token-provider';
import { BusinessCentralClient } from '../../clients/business-central/business-central-client';
import { InvalidResponseError } from '../../clients/http/invalid-response-error';
import { COMPANY_ID, rawSalesInvoice } from '../../clients/testing/bc-fixtures';
import { recordingSleep, sendJson, startTestServer, type TestServer } from '../../clients/testing/test-server';
import { fetchInvoicesById } from '../reconcile/fetch-invoices-by-id';
import { findInvoicesByKey } from './find-invoices';

/*
 * The look-ups that decide whether an invoice exists in Business Central (before one is created under
 * its key, and to tell a deleted draft): every invoice the answer holds counts, whatever its status
 * says, and one that cannot be read stops the look-up rather than being taken for absent.
 */

const API = '/v2.0/tenant/production/api/v2.0';
let server: TestServer;
let invoices: Record<string, unknown>[] = [];

beforeAll(async () => {
  server = await startTestServer((_req, res) => sendJson(res, 200, { value: invoices }));
});
afterAll(() => server.close());

function client() {
  return new BusinessCentralClient({
    apiBaseUrl: `${server.url}${API}`,
    companyId: COMPANY_ID,
    tokenProvider: new StaticTokenProvider('bc-token'),
    retry: { sleep: recordingSleep().sleep, random: () => 0.5, baseDelayMs: 1 },
  });
}

describe('finding our invoices in Business Central', () => {
  it.each([
    ['In_x0020_Review', 'In Review'],
    ['Draft', 'Draft'],
    // The enum's blank member, as OData writes it, and as a plain space.
    ['_x0020_', 'Unknown'],
    [' ', 'Unknown'],
    ['Something new', 'Unknown'],
  ])('counts an invoice whose status is %j as existing under its key (%s)', async (status, read) => {
    invoices = [rawSalesInvoice({ externalDocumentNumber: 'BK-RUN1-ABC', status })];
    const found = await findInvoicesByKey(client(), ['BK-RUN1-ABC']);
    expect([...found.keys()]).toEqual(['BK-RUN1-ABC']);
    expect(found.get('BK-RUN1-ABC')?.map((i) => i.status)).toEqual([read]);
  });

  it('stops when an invoice under the keys cannot be read, instead of answering that the key has none', async () => {
    invoices = [rawSalesInvoice({ externalDocumentNumber: 'BK-RUN1-ABC', totalAmountIncludingTax: 'a lot' })];
    await expect(findInvoicesByKey(client(), ['BK-RUN1-ABC'])).rejects.toThrow(InvalidResponseError);
    await expect(findInvoicesByKey(client(), ['BK-RUN1-ABC'])).rejects.toThrow(/salesInvoice a0000000-0000-0000-0000-000000000001: \(root\) cannot be read/);
  });

  it('reading our drafts back by id, one that cannot be read is not taken for deleted', async () => {
    invoices = [rawSalesInvoice({ status: 'In_x0020_Review' })];
    const found = await fetchInvoicesById(client(), ['a0000000-0000-0000-0000-000000000001']);
    expect(found.get('a0000000-0000-0000-0000-000000000001')?.status).toBe('In Review');

    invoices = [rawSalesInvoice({ id: 'a0000000-0000-0000-0000-000000000001', totalAmountIncludingTax: 'a lot' })];
    await expect(fetchInvoicesById(client(), ['a0000000-0000-0000-0000-000000000001'])).rejects.toThrow(InvalidResponseError);
  });
});
