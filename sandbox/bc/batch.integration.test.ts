import { createBcEmulator, type BcListening } from './index';
import { COMPANY_ID, PERSON_ID, SERVICE_ITEM_ID, testSeed } from './test-fixtures';

const TOKEN = 't';
const emulator = createBcEmulator(testSeed(), { token: TOKEN });
let server: BcListening;

beforeAll(async () => {
  server = await emulator.listen();
});
afterAll(() => server.close());

interface BatchReply {
  status: number;
  body: { responses?: Array<{ id: string; status: number; body?: { error?: { message: string }; number?: string } }>; error?: { message: string } };
}

async function batch(requests: unknown[], headers: Record<string, string> = {}): Promise<BatchReply> {
  const res = await fetch(`${server.apiBaseUrl}/$batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ requests }),
  });
  return { status: res.status, body: (await res.json()) as BatchReply['body'] };
}

const invoiceOp = (id: string, customerId: string) => ({
  id,
  method: 'POST',
  url: `companies(${COMPANY_ID})/salesInvoices`,
  headers: { 'Content-Type': 'application/json' },
  body: { customerId, externalDocumentNumber: `ext-${id}`, salesInvoiceLines: [{ itemId: SERVICE_ITEM_ID, quantity: 1 }] },
});
const BAD_CUSTOMER = 'abababab-0000-0000-0000-000000000000';
const invoiceCount = () => emulator.state.company(COMPANY_ID)!.salesInvoices.length;

describe('$batch', () => {
  it('rejects more than 100 operations', async () => {
    const ops = Array.from({ length: 101 }, (_, i) => ({ id: String(i), method: 'GET', url: `companies(${COMPANY_ID})/items` }));
    const res = await batch(ops);
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain('maximum is 100');
  });

  it('runs reads and writes in order and reports each operation', async () => {
    const res = await batch([
      { id: 'r1', method: 'GET', url: `companies(${COMPANY_ID})/customers?$filter=number eq 'C00010'` },
      invoiceOp('w1', PERSON_ID),
      { id: 'r2', method: 'GET', url: `/v2.0/contoso/sandbox/api/v2.0/companies(${COMPANY_ID})/nothing` },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.responses!.map((r) => [r.id, r.status])).toEqual([
      ['r1', 200],
      ['w1', 201],
      ['r2', 400],
    ]);
  });

  it('without isolation, the other operations persist when one fails', async () => {
    const before = invoiceCount();
    const res = await batch([invoiceOp('a', PERSON_ID), invoiceOp('b', BAD_CUSTOMER), invoiceOp('c', PERSON_ID)]);
    expect(res.body.responses!.map((r) => r.status)).toEqual([201, 400, 201]);
    expect(res.body.responses![1]!.body!.error!.message).toContain('"customerId" does not match');
    expect(invoiceCount()).toBe(before + 2);
  });

  it('with Isolation: snapshot, one failure rolls back every change of the batch', async () => {
    const before = structuredClone(emulator.state.company(COMPANY_ID)!.salesInvoices);
    const res = await batch([invoiceOp('a', PERSON_ID), invoiceOp('b', PERSON_ID), invoiceOp('c', BAD_CUSTOMER)], { Isolation: 'snapshot' });
    expect(res.status).toBe(200);
    expect(res.body.responses!.map((r) => r.status)).toEqual([201, 201, 400]);
    expect(emulator.state.company(COMPANY_ID)!.salesInvoices).toEqual(before);
    // The number series rolls back too: the next draft takes the number the rolled-back one had.
    const again = await batch([invoiceOp('d', PERSON_ID)], { Isolation: 'snapshot' });
    expect(again.body.responses![0]!.body!.number).toBe(res.body.responses![0]!.body!.number);
    expect(invoiceCount()).toBe(before.length + 1);
  });

  it('answers 400 for an invalid batch body', async () => {
    const res = await fetch(`${server.apiBaseUrl}/$batch`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: '{"requests": [' });
    expect(res.status).toBe(400);
  });
});
