import { spawn, type ChildProcess } from 'node:child_process';
import { build } from 'esbuild';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../../service/config/config';

/** A child process of the harness, in a process group of its own so kill -9 takes it whole. */
export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  kill9(): void;
}

/** How a child runs a TypeScript entry point: the node arguments for a script path relative to the project root. */
export type Launcher = (script: string) => readonly string[];

/** Compiles each start with tsx: nothing to prepare, but 1-4 s of CPU per process start. */
export const tsxLauncher: Launcher = (script) => ['--import', 'tsx', path.join(PROJECT_ROOT, script)];

/**
 * Bundles the entry points once (packages stay in node_modules), so a child starts in about 0.1 s
 * instead of compiling the sources again: a trial starts a dozen processes, and the kills restart more.
 * The bundles sit two folders below the project root, where the code's `PROJECT_ROOT` (two folders
 * above its own file) still finds the root.
 */
export async function bundledLauncher(scripts: readonly string[]): Promise<{ launch: Launcher; dispose: () => void }> {
  const outdir = path.join(PROJECT_ROOT, '.data', `chaos-bundle-${process.pid}`);
  const name = (script: string) => script.replace(/\.ts$/, '').replace(/[^A-Za-z0-9]+/g, '-');
  await build({
    entryPoints: Object.fromEntries(scripts.map((s) => [name(s), path.join(PROJECT_ROOT, s)])),
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  const known = new Set(scripts);
  return {
    launch: (script) => {
      if (!known.has(script)) throw new Error(`${script} was not bundled`);
      return ['--enable-source-maps', path.join(outdir, `${name(script)}.cjs`)];
    },
    dispose: () => fs.rmSync(outdir, { recursive: true, force: true }),
  };
}

/** `stdout: 'pipe'` for a child whose answer the harness reads; else it goes to the log (an unread pipe would fill and stall the child). */
export function spawnScript(
  name: string,
  launch: Launcher,
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
  stdout: 'pipe' | 'log' = 'pipe',
): Child {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [...launch(script), ...args], {
    cwd: PROJECT_ROOT,
    env,
    detached: true,
    stdio: ['ignore', stdout === 'pipe' ? 'pipe' : log, log],
  });
  fs.closeSync(log);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      exitCode = code;
      resolve(code);
    });
  });
  return {
    name,
    process: child,
    exited,
    kill9: () => {
      if (exitCode !== undefined || child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Gone already.
      }
    },
  };
}

/** The first line a child writes to stdout (the emulators announce their URLs so). */
export function firstLine(child: Child, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`${child.name} said nothing within ${timeoutMs} ms`)), timeoutMs);
    child.process.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const at = buffered.indexOf('\n');
      if (at >= 0) {
        clearTimeout(timer);
        resolve(buffered.slice(0, at));
      }
    });
    void child.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${child.name} exited (${code}) before it was ready`));
    });
  });
}

/** Collects a child's stdout (the CLI's answer), so its pipe never fills. */
export function drain(child: Child): () => string {
  let text = '';
  child.process.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
    if (text.length > 100_000) text = text.slice(-50_000);
  });
  return () => text;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits for `work` at most `ms`; the timer does not outlive the race. */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `check` until it holds or `timeoutMs` passes; true when it held. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return true;
    } catch {
      // Not yet.
    }
    if (Date.now() >= until) return false;
    await sleep(everyMs);
  }
}
