import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../service/config/config';
import { clockFrom, type Clock } from '../../service/domain/clock';
import { loadEnv } from '../../service/config/env-files';

/*
 * `npm start` in sandbox mode as a user runs it, for end-to-end tests: the real entry point in a child
 * process on free ports with its own SQLite file, configured only through its environment.
 */

/**
 * How `npm start` runs TypeScript: node itself with tsx as its loader, one process. (The `tsx` command
 * would sit in between and SIGKILL the app when it is slow to acknowledge a relayed Ctrl-C.)
 */
export const NODE_TSX: readonly string[] = [process.execPath, '--import', 'tsx'];
/** The app as `npm start` and App Service start it (server/start.sh execs node: the pid is the app's). */
export const APP_START: readonly string[] = ['sh', 'server/start.sh'];
// Settings a developer's shell may carry; a test sets what it needs.
export const CONFIG_VARIABLES = [
  'APP_ENV',
  'PORT',
  'DATABASE_URL',
  'GRAPH_BASE_URL',
  'BC_API_BASE_URL',
  'BOOKINGS_BUSINESS_ID',
  'BC_COMPANY_ID',
  'AUTH_MODE',
  'AAD_TENANT_ID',
  'AAD_CLIENT_ID',
  'AAD_CLIENT_SECRET',
  'STATIC_ACCESS_TOKEN',
  'LOG_LEVEL',
  'SANDBOX_CLOCK_START',
];

/** A port nothing listens on right now: bind to 0, note the port, release it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

export interface ChildOutput {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs a command in a process group of its own, collecting its output. */
export function runChild(command: string, args: string[], env: NodeJS.ProcessEnv): ChildOutput {
  const child = spawn(command, args, { cwd: PROJECT_ROOT, env, detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Stops the child and everything it started (its process group): `signal` first, SIGKILL after a grace period. */
export async function stopChild(started: ChildOutput, signal: NodeJS.Signals = 'SIGINT', graceMs = 5000): Promise<void> {
  const kill = (s: NodeJS.Signals) => {
    try {
      if (started.child.pid !== undefined) process.kill(-started.child.pid, s);
    } catch {
      // Already gone.
    }
  };
  if (started.child.exitCode !== null || started.child.signalCode !== null) return;
  kill(signal);
  await Promise.race([started.exited, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
  kill('SIGKILL');
}

/** Resolves with the first match of `pattern` on stdout; rejects with the output if the process exits or hangs. */
export async function waitForOutput(started: ChildOutput, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  // Elapsed time (monotonic), not the date: a guard against a hung child.
  const deadline = performance.now() + timeoutMs;
  let exited = false;
  void started.exited.then(() => (exited = true));
  for (;;) {
    const match = started.stdout().match(pattern);
    if (match) return match;
    if (exited || performance.now() > deadline) {
      throw new Error(`no ${pattern} on stdout (${exited ? 'process exited' : 'timed out'}).\nstdout:\n${started.stdout()}\nstderr:\n${started.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The environment of a child process: the caller's, less any product setting. */
export function cleanEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CONFIG_VARIABLES) delete env[name];
  return { ...env, APP_ENV: 'sandbox', LOG_LEVEL: 'warn', ...overrides };
}

export interface SandboxApp {
  /** e.g. http://127.0.0.1:43123 */
  origin: string;
  graphBaseUrl: string;
  bcApiBaseUrl: string;
  /** The emulators' token (env/.env.sandbox). */
  token: string;
  /** The instant the app, its seed and its emulators started at (SANDBOX_CLOCK_START); their time passes from there. */
  now: Date;
  /** The app's time as seen from the test (within its start-up time): for a browser's clock to agree with the server. */
  clock: Clock;
  /** The folder of its SQLite file (bookings.db) and, beside it, the emulators' saved state. */
  dataDir: string;
  ports: SandboxPorts;
  output: ChildOutput;
  stop(): Promise<void>;
}

export interface SandboxPorts {
  app: number;
  graph: number;
  bc: number;
}

export interface SandboxAppOptions {
  /** SANDBOX_CLOCK_START: the app runs as of this instant, so what it shows does not depend on the day the test runs. */
  now: Date;
  /** A guard against a hung start, generous for a loaded machine. Default 120 s. */
  timeoutMs?: number;
  /**
   * Restart on an earlier app's database and saved emulator state (its dataDir), as `npm start`
   * after Ctrl-C does: the folder is kept on stop. Default a fresh folder, removed on stop.
   */
  dataDir?: string;
  /** The ports to listen on (an earlier app's, for a restart); default free ones. */
  ports?: SandboxPorts;
}

/** `npm start` in the sandbox on free ports and a fresh SQLite file, as of `now`; resolves once it serves. */
export async function startSandboxApp(options: SandboxAppOptions): Promise<SandboxApp> {
  const { now, timeoutMs = 120_000 } = options;
  const sandboxEnv = loadEnv({}, PROJECT_ROOT);
  const ports = options.ports ?? { app: await freePort(), graph: await freePort(), bc: await freePort() };
  const { app: port, graph: graphPort, bc: bcPort } = ports;
  const graphBaseUrl = `http://127.0.0.1:${graphPort}/v1.0`;
  const bcPath = new URL(sandboxEnv['BC_API_BASE_URL'] ?? '').pathname;
  const bcApiBaseUrl = `http://127.0.0.1:${bcPort}${bcPath}`;
  const dir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-app-'));
  const output = runChild(
    NODE_TSX[0]!,
    [...NODE_TSX.slice(1), 'server/main.ts'],
    cleanEnv({
      PORT: String(port),
      GRAPH_BASE_URL: graphBaseUrl,
      BC_API_BASE_URL: bcApiBaseUrl,
      DATABASE_URL: path.join(dir, 'bookings.db'),
      SANDBOX_CLOCK_START: now.toISOString(),
    }),
  );
  const starting = clockFrom(now);
  await waitForOutput(output, /Press Ctrl-C to stop/, timeoutMs);
  return {
    origin: `http://127.0.0.1:${port}`,
    graphBaseUrl,
    bcApiBaseUrl,
    token: sandboxEnv['STATIC_ACCESS_TOKEN'] ?? '',
    now,
    clock: starting,
    dataDir: dir,
    ports,
    output,
    stop: async () => {
      await stopChild(output);
      if (options.dataDir === undefined) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts a sync through the app's API (or joins the running one) and waits until it succeeded. */
export async function syncNow(app: SandboxApp): Promise<void> {
  const started = await fetch(`${app.origin}/api/sync`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (started.status !== 202) throw new Error(`POST /api/sync answered ${started.status}: ${await started.text()}`);
  const { syncRunId } = (await started.json()) as { syncRunId: string };
  for (let i = 0; i < 600; i++) {
    const run = (await (await fetch(`${app.origin}/api/sync/${syncRunId}`)).json()) as { state: string; error?: string | null };
    if (run.state === 'succeeded') return;
    // The app's own log says why (the run keeps only the kind, in words): shown with the failure.
    if (run.state === 'failed')
      throw new Error(
        `sync failed: ${run.error ?? ''}\n--- the app's log, last lines ---\n${app.output.stdout().slice(-6000)}\n${app.output.stderr().slice(-3000)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('sync did not finish');
}
