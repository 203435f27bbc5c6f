import fs from 'node:fs';
import path from 'node:path';
import { bcInvoicesBenchmark } from './bc-invoices.bench';
import type { Benchmark, BenchResult } from './benchmark';
import { graphCalendarViewBenchmark } from './graph-calendar-view.bench';
import { invoiceRunBenchmark } from './invoice-run.bench';
import { renderTable } from './render-table';
import { seedBenchmark } from './seed.bench';
import { storeUpsertBenchmark } from './store-upsert.bench';
import { syncAppointmentsBenchmark } from './sync-appointments.bench';
import { unbilledQueryBenchmark } from './unbilled-query.bench';

/** Every benchmark, in the order the table lists them. */
const BENCHMARKS: readonly Benchmark[] = [
  seedBenchmark,
  graphCalendarViewBenchmark,
  bcInvoicesBenchmark,
  storeUpsertBenchmark,
  syncAppointmentsBenchmark,
  unbilledQueryBenchmark,
  invoiceRunBenchmark,
];

/** `npm run bench [name ...]`: runs the benchmarks (all, or those named), prints the table and writes bench/results.md. */
async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  const selected = wanted.length === 0 ? BENCHMARKS : BENCHMARKS.filter((b) => wanted.includes(b.name));

  const results: BenchResult[] = [];
  for (const benchmark of selected) {
    process.stderr.write(`running ${benchmark.name} ...\n`);
    results.push(...(await benchmark.run()));
  }
  const table = renderTable(results);
  const header = `# Benchmark results\n\n${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}/${process.arch}\n\n`;
  fs.writeFileSync(path.join(__dirname, 'results.md'), `${header}${table}`);
  process.stdout.write(table);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
