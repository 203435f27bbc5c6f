import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../service/config/config';
import { loadEnv } from '../service/config/env-files';
import { APP_START, cleanEnv, freePort, NODE_TSX, runChild, stopChild, waitForOutput, type ChildOutput } from '../server/testing/sandbox-app';
import { READY_PATTERN, type EmulatorProcessConfig } from './emulator-config';

/*
 * The bench's child processes: the emulators in one, the app (`server/start.sh`, as `npm start` runs it in
 * sandbox mode) in another, each in a process group of its own that stop() ends. The app finds the
 * emulators already listening where its configuration points and uses them rather than starting its own.
 */

const START_TIMEOUT_MS = 180_000;
const sandboxEnv = loadEnv({}, PROJECT_ROOT);
/** The sandbox's static token (env/.env.sandbox): the app sends it, the emulators check it. */
export const TOKEN = sandboxEnv['STATIC_ACCESS_TOKEN'] ?? 'sandbox-token';
const BC_PATH = new URL(sandboxEnv['BC_API_BASE_URL'] ?? 'http://x/v2.0/sandbox-tenant/production/api/v2.0').pathname;
export const COMPANY_ID = sandboxEnv['BC_COMPANY_ID'] ?? '';

export interface EmulatorsProcess {
  graphBaseUrl: string;
  bcApiBaseUrl: string;
  /** Appointments in the seed (all mailboxes). */
  appointments: number;
  /** Of those, the ones that end within the last 365 days or later. */
  lastYear: number;
  /** Bookings customers in the seed. */
  customers: number;
  pid: number;
  stop(): Promise<void>;
}

export async function startEmulators(settings: Pick<EmulatorProcessConfig, 'now' | 'appointments'>): Promise<EmulatorsProcess> {
  const m = /\/v2\.0\/([^/]+)\/([^/]+)\/api\/v2\.0$/.exec(BC_PATH);
  const config: EmulatorProcessConfig = {
    ...settings,
    token: TOKEN,
    graphPort: await freePort(),
    bcPort: await freePort(),
    tenant: m?.[1] ?? 'sandbox-tenant',
    environment: m?.[2] ?? 'production',
  };
  const child = runChild(NODE_TSX[0]!, [...NODE_TSX.slice(1), 'bench/emulator-process.ts'], { ...process.env, BENCH_EMULATORS: JSON.stringify(config) });
  try {
    const ready = await waitForOutput(child, READY_PATTERN, START_TIMEOUT_MS);
    const info = JSON.parse(ready[1]!) as { graphBaseUrl: string; bcApiBaseUrl: string; appointments: number; lastYear: number; customers: number };
    return { ...info, pid: child.child.pid!, stop: () => stopChild(child, 'SIGTERM') };
  } catch (error) {
    await stopChild(child, 'SIGKILL', 0);
    throw error;
  }
}

export interface AppProcess {
  origin: string;
  pid: number;
  output: ChildOutput;
  stop(): Promise<void>;
}

/** `npm start` in sandbox mode on a free port, as of `now`, on `databaseUrl`, against the running emulators. */
export async function startApp(emulators: EmulatorsProcess, databaseUrl: string, now: Date): Promise<AppProcess> {
  const port = await freePort();
  const output = runChild(APP_START[0]!, APP_START.slice(1), appEnv(emulators, databaseUrl, now, { PORT: String(port) }));
  try {
    await waitForOutput(output, /Press Ctrl-C to stop/, START_TIMEOUT_MS);
  } catch (error) {
    await stopChild(output, 'SIGKILL', 0);
    throw error;
  }
  return { origin: `http://127.0.0.1:${port}`, pid: output.child.pid!, output, stop: () => stopChild(output, 'SIGINT', 20_000) };
}

/** The app's environment: the sandbox's, pointed at the bench's emulators and database. */
function appEnv(emulators: EmulatorsProcess, databaseUrl: string, now: Date, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return cleanEnv({
    GRAPH_BASE_URL: emulators.graphBaseUrl,
    BC_API_BASE_URL: emulators.bcApiBaseUrl,
    DATABASE_URL: databaseUrl,
    SANDBOX_CLOCK_START: now.toISOString(),
    ...extra,
  });
}

/** `npm run cli -- <args>` against the same database and emulators; throws with its output when it fails. */
export async function runCli(emulators: EmulatorsProcess, databaseUrl: string, now: Date, args: string[]): Promise<string> {
  const child = runChild(NODE_TSX[0]!, [...NODE_TSX.slice(1), 'cli/main.ts', ...args], appEnv(emulators, databaseUrl, now));
  const { code } = await child.exited;
  if (code !== 0) throw new Error(`npm run cli -- ${args.join(' ')} exited ${code}:\n${child.stdout()}\n${child.stderr()}`);
  return child.stdout();
}

/** Peak and current resident memory (MB) and CPU seconds of a process, from /proc (Linux). */
export function processUsage(pid: number): { peakRssMb: number; rssMb: number; cpuSeconds: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): user and system time in clock ticks (100 a second).
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { peakRssMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024, cpuSeconds: ticks / 100 };
}

/** Resets the process's peak RSS (VmHWM) to its current RSS, so the next peak is the next work's. */
export function resetPeakRss(pid: number): void {
  fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

export const TAB_DIST = path.join(PROJECT_ROOT, 'tabs', 'dist', 'index.html');
