import { generateSandboxData, SANDBOX_COMPANY_ID, type SandboxData } from '../sandbox/seed';
import { BC_BATCH_MAX_OPERATIONS, salesInvoiceSchema, type SalesInvoiceCreate } from '../service/clients';
import { perSecond, timed, type Benchmark, type BenchResult } from './benchmark';
import { startBc } from './emulators';

const INVOICES = 500;
/** With 0 the figures are the client's and emulator's own cost; with a round trip they show what batching saves online. */
const LATENCIES_MS = [0, 25];

function drafts(data: SandboxData, run: string): SalesInvoiceCreate[] {
  const company = data.bc.companies.find((c) => c.company.id === SANDBOX_COMPANY_ID);
  const customers = (company?.customers ?? []).filter((c) => c.blocked !== 'All' && c.blocked !== 'Invoice');
  const item = company?.items.find((i) => i.type === 'Service') ?? company?.items[0];
  if (!item || customers.length === 0) throw new Error('the sandbox company has no customer or item to invoice');
  return Array.from({ length: INVOICES }, (_, i) => ({
    customerId: customers[i % customers.length]!.id,
    externalDocumentNumber: `BENCH-${run}-${i}`,
    salesInvoiceLines: [{ lineType: 'Item', itemId: item.id, description: 'Physiotherapy, 50 min', quantity: 1, unitPrice: 650 }],
  }));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** Each way on a fresh emulator; the client runs up to 5 requests at once either way. */
async function createAll(latencyMs: number, how: 'batch' | 'single'): Promise<{ ms: number; created: number; requests: number }> {
  const data = generateSandboxData({ seed: 1 });
  const bc = await startBc(data, { latencyMs });
  try {
    const bodies = drafts(data, how);
    const { value: created, ms } = await timed(async () => {
      if (how === 'single') {
        const results = await Promise.allSettled(bodies.map((body) => bc.client.createSalesInvoice(body)));
        return results.filter((r) => r.status === 'fulfilled').length;
      }
      const batches = await Promise.all(
        chunks(bodies, BC_BATCH_MAX_OPERATIONS).map((chunk) =>
          bc.client.batch(chunk.map((body) => ({ method: 'POST' as const, path: 'salesInvoices', body, schema: salesInvoiceSchema }))),
        ),
      );
      return batches.flat().filter((r) => r.ok).length;
    });
    return { ms, created, requests: bc.emulator.stats().requests };
  } finally {
    await bc.close();
  }
}

export const bcInvoicesBenchmark: Benchmark = {
  name: 'bc-invoices',
  async run() {
    const rows: BenchResult[] = [];
    for (const latencyMs of LATENCIES_MS) {
      for (const how of ['batch', 'single'] as const) {
        const { ms, created, requests } = await createAll(latencyMs, how);
        rows.push({
          benchmark: `BC draft invoices, ${how === 'batch' ? `$batch of ${BC_BATCH_MAX_OPERATIONS}` : 'one POST each'}, ${latencyMs} ms latency`,
          figure: Math.round(perSecond(created, ms)),
          unit: 'invoices/s',
          notes: `${created} of ${INVOICES} created in ${requests} requests, ${Math.round(ms)} ms`,
        });
      }
    }
    return rows;
  },
};
