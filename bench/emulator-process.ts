import { createBcEmulator } from '../sandbox/bc';
import { createGraphEmulator } from '../sandbox/graph';
import { appointmentSpan } from '../sandbox/graph/state';
import { generateSandboxData } from '../sandbox/seed';
import { clockFrom } from '../service/domain/clock';
import { emulatorConfigSchema } from './emulator-config';

/*
 * The Graph and Business Central emulators for `npm run bench`, in a process of their own so their CPU
 * and memory are not the measured app's or the measuring process's. Configured by BENCH_EMULATORS
 * (JSON); prints one `ready` line when both listen, and stops on SIGTERM/SIGINT. The bench sets their
 * latency, service time and concurrency and reads their counts over HTTP: /_emulator/settings and
 * /_emulator/stats on each.
 */

async function main(): Promise<void> {
  const config = emulatorConfigSchema.parse(JSON.parse(process.env['BENCH_EMULATORS'] ?? 'null'));
  const start = new Date(config.now);
  const data = generateSandboxData({ seed: 1, now: start, scale: { appointments: config.appointments } });
  data.bc.tenant = config.tenant;
  data.bc.environment = config.environment;
  const clock = clockFrom(start);
  const graph = createGraphEmulator(data.bookings, { token: config.token }, { now: clock, seed: start.getTime() });
  const bc = createBcEmulator(
    data.bc,
    {
      token: config.token,
      // The bench measures work against latency, service time and concurrency; the 5-minute request
      // window would throttle the naive one-POST-per-invoice baselines, not the product.
      rateLimit: { maxRequests: 1_000_000, windowMs: 300_000 },
    },
    { now: clock, seed: start.getTime() },
  );
  const graphServer = await graph.listen('127.0.0.1', config.graphPort);
  const bcServer = await bc.listen('127.0.0.1', config.bcPort);
  const all = data.bookings.businesses.flatMap((b) => b.appointments);
  // What a sync of the last year must page through at least: the bench's paging bound.
  const yearAgo = start.getTime() - 365 * 86_400_000;
  const lastYear = all.filter((a) => appointmentSpan(a).end > yearAgo).length;
  const customers = data.bookings.businesses.reduce((n, b) => n + b.customers.length, 0);
  const ready = { graphBaseUrl: graphServer.baseUrl, bcApiBaseUrl: bcServer.apiBaseUrl, appointments: all.length, lastYear, customers };
  process.stdout.write(`emulators ready ${JSON.stringify(ready)}\n`);
  const stop = () => void Promise.all([graphServer.close(), bcServer.close()]).finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
