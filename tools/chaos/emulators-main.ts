import { z } from 'zod';
import { clockFrom } from '../../service/domain/clock';
import { createBcEmulator } from '../../sandbox/bc';
import { createGraphEmulator } from '../../sandbox/graph';
import { generateSandboxData, SANDBOX_ENVIRONMENT, SANDBOX_TENANT } from '../../sandbox/seed';
import { CHAOS_SCALE, CHAOS_TOKEN } from './chaos-config';

const argsSchema = z.object({
  CHAOS_EMULATOR_SEED: z.coerce.number().int(),
  CHAOS_CLOCK_START: z.iso.datetime({ offset: true }),
});

/**
 * One trial's Graph Bookings and Business Central emulators, in a process of their own (the app
 * processes are killed around them, never they). Prints their URLs as one JSON line, then serves
 * until it is killed.
 */
async function main(): Promise<void> {
  const args = argsSchema.parse(process.env);
  const start = new Date(args.CHAOS_CLOCK_START);
  const clock = clockFrom(start);
  const data = generateSandboxData({ seed: args.CHAOS_EMULATOR_SEED, now: start, scale: CHAOS_SCALE });
  data.bc.tenant = SANDBOX_TENANT;
  data.bc.environment = SANDBOX_ENVIRONMENT;
  const graph = createGraphEmulator(data.bookings, { token: CHAOS_TOKEN }, { now: clock, seed: args.CHAOS_EMULATOR_SEED });
  const bc = createBcEmulator(data.bc, { token: CHAOS_TOKEN }, { now: clock, seed: args.CHAOS_EMULATOR_SEED });
  const g = await graph.listen('127.0.0.1', 0);
  const b = await bc.listen('127.0.0.1', 0);
  process.stdout.write(`${JSON.stringify({ graphBaseUrl: g.baseUrl, bcApiBaseUrl: b.apiBaseUrl })}\n`);
  const stop = () => void Promise.all([g.close(), b.close()]).then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
