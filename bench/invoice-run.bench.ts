import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startInvoiceKit } from '../service/invoicing/run/testing/invoice-kit';
import { openStore } from '../service/store';
import { syncCustomers } from '../service/sync/customers';
import { queryUnbilled } from '../service/unbilled';
import { perSecond, timed, type Benchmark, type BenchResult } from './benchmark';

const APPOINTMENTS = 200;
/** Two weeks of a six-therapist clinic: a few hundred appointments, 80 customers, so ~200 are invoiceable. */
const SCALE = { customers: 80, staff: 6, daysBack: 14, daysAhead: 1 };
/** With 0 the figure is the product's and emulator's own cost; with a round trip it shows what a real network adds. */
const LATENCIES_MS = [0, 25];
/** Runs per latency, each on fresh emulators and a fresh store; the median one is reported. */
const REPEATS = 3;

interface Measured {
  ms: number;
  selected: number;
  invoices: number;
  appointments: number;
  skipped: number;
  state: string;
  requests: number;
}

/** One run over the first APPOINTMENTS invoiceable appointments, on a freshly synced store and emulators. */
async function invoiceOnce(latencyMs: number): Promise<Measured> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-invoice-'));
  const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'bench.db') });
  try {
    const kit = await startInvoiceKit(store.db, { seedScale: SCALE, bcSettings: { latencyMs } });
    try {
      // A full sync links customers and marks the ones blocked in BC, so the selection holds no blocked one.
      await syncCustomers(kit.h.context(store.db));
      // The Unbilled list's own answer picks them, as a user selecting a page in the tab would.
      const page = await queryUnbilled(store.db, { businessId: kit.h.businessId, limit: APPOINTMENTS }, { now: new Date(), setup: kit.setup });
      const ids = page.rows.map((r) => r.id);
      const before = kit.h.bc.stats().requests;
      const { value: result, ms } = await timed(() => kit.runner().run({ kind: 'ids', appointmentIds: ids }, 'bench@contoso.com', 'cli'));
      return {
        ms,
        selected: ids.length,
        invoices: result.invoices.length,
        // A group booking is on one invoice per attendee, so this can exceed the selection.
        appointments: result.invoices.reduce((sum, i) => sum + i.appointmentIds.length, 0),
        skipped: result.skipped.length,
        state: result.state,
        requests: kit.h.bc.stats().requests - before,
      };
    } finally {
      await kit.h.close();
    }
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function medianRun(latencyMs: number): Promise<Measured> {
  const runs: Measured[] = [];
  for (let i = 0; i < REPEATS; i++) runs.push(await invoiceOnce(latencyMs));
  return runs.sort((a, b) => a.ms - b.ms)[Math.floor(REPEATS / 2)]!;
}

export const invoiceRunBenchmark: Benchmark = {
  name: 'invoice-run',
  async run() {
    // Unmeasured: the first runs in the process pay for loading and compiling the run's code.
    await invoiceOnce(0);
    const rows: BenchResult[] = [];
    for (const latencyMs of LATENCIES_MS) {
      const m = await medianRun(latencyMs);
      rows.push({
        benchmark: `Invoice run, ${m.selected} appointments, one invoice per customer, BC ${latencyMs} ms latency`,
        figure: Math.round(perSecond(m.invoices, m.ms) * 10) / 10,
        unit: 'invoices/s',
        notes:
          `median of ${REPEATS} runs: ${m.invoices} invoices (${m.appointments} appointment lines, ${m.skipped} skipped) in ${Math.round(m.ms)} ms, ` +
          `run ${m.state}, ${m.requests} BC HTTP requests (a $batch is one); SQLite store`,
      });
    }
    return rows;
  },
};
