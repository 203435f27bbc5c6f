import { systemClock, type Clock } from '../service/domain/clock';
import type { Logger } from '../service/logging/logger';
import { createBcEmulator } from './bc';
import { createGraphEmulator } from './graph';
import { keepSandboxState, readSandboxState } from './persisted-state';
import { generateSandboxData } from './seed';

export interface SandboxOptions {
  /** Where the Graph emulator serves `/v1.0` (from GRAPH_BASE_URL). */
  graphBaseUrl: string;
  /** The Business Central `.../v2.0/{tenant}/{environment}/api/v2.0` root (from BC_API_BASE_URL). */
  bcApiBaseUrl: string;
  token: string;
  seed?: number;
  /** The seed is generated around its `now`, and the emulators read it; default: the real time. */
  clock?: Clock;
  logger: Logger;
  /** Where the emulators keep their data across restarts (beside the database); without it they start from the seed each time. */
  stateFile?: string;
}

export interface RunningSandbox {
  graphBaseUrl: string;
  bcApiBaseUrl: string;
  /** False when emulators were already listening there (e.g. `npm run sandbox` in another terminal) and are reused. */
  started: boolean;
  close(): Promise<void>;
}

function hostPort(url: string): { host: string; port: number } {
  const u = new URL(url);
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)) };
}

/** The tenant and environment named by a Business Central API root URL. */
function tenantAndEnvironment(apiBaseUrl: string): { tenant: string; environment: string } {
  const m = /\/v2\.0\/([^/]+)\/([^/]+)\/api\/v2\.0$/.exec(new URL(apiBaseUrl).pathname);
  if (!m) throw new Error(`BC_API_BASE_URL must end in /v2.0/<tenant>/<environment>/api/v2.0 (got ${apiBaseUrl})`);
  return { tenant: decodeURIComponent(m[1]!), environment: decodeURIComponent(m[2]!) };
}

async function alreadyServing(baseUrl: string, token: string): Promise<boolean> {
  try {
    const res = await fetch(new URL('/_emulator/settings', baseUrl), {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(2000),
    });
    return res.ok;
  } catch {
    return false;
  }
}

const isAddressInUse = (e: unknown) => (e as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';

/**
 * Starts the Graph Bookings and Business Central emulators where the configuration points, seeded with
 * the demo clinic. Emulators already answering there are reused rather than failing on a taken port.
 */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const clock = options.clock ?? systemClock;
  const data = generateSandboxData({ seed: options.seed ?? 1, now: clock() });
  const { tenant, environment } = tenantAndEnvironment(options.bcApiBaseUrl);
  data.bc.tenant = tenant;
  data.bc.environment = environment;

  const closers: Array<() => Promise<void>> = [];
  let started = false;
  const start = async (name: string, url: string, listen: (host: string, port: number) => Promise<{ close(): Promise<void> }>) => {
    const { host, port } = hostPort(url);
    try {
      const server = await listen(host, port);
      closers.push(() => server.close());
      started = true;
    } catch (e) {
      if (isAddressInUse(e) && (await alreadyServing(url, options.token))) {
        options.logger.info({ url }, `${name} emulator already running: reusing it`);
        return;
      }
      if (isAddressInUse(e)) throw new Error(`${name} emulator: ${host}:${port} is taken by another program`);
      throw e;
    }
  };

  const saved = options.stateFile === undefined ? undefined : readSandboxState(options.stateFile);
  if (saved !== undefined) options.logger.info({ file: options.stateFile }, 'emulators continue from their saved data');
  // The emulators key their fault draws and new ids by the run's start: an app database that outlives a
  // restart never sees an id of an earlier run reissued.
  const runSeed = clock().getTime();
  const graph = createGraphEmulator(saved?.bookings ?? data.bookings, { token: options.token }, { now: clock, seed: runSeed });
  const bc = createBcEmulator(data.bc, { token: options.token }, { now: clock, seed: runSeed });
  if (saved !== undefined) bc.state.restore(saved.bc);
  try {
    await start('Graph Bookings', options.graphBaseUrl, (h, p) => graph.listen(h, p));
    await start('Business Central', options.bcApiBaseUrl, (h, p) => bc.listen(h, p));
  } catch (e) {
    await Promise.all(closers.map((c) => c()));
    throw e;
  }
  // Emulators of another process (reused) keep their own data; only ours are saved.
  if (started && options.stateFile !== undefined) {
    const keeper = keepSandboxState(options.stateFile, () => ({ bookings: graph.exportSeed(), bc: bc.state.snapshot() }));
    closers.unshift(async () => keeper.stop());
  }
  return {
    graphBaseUrl: options.graphBaseUrl,
    bcApiBaseUrl: options.bcApiBaseUrl,
    started,
    close: async () => {
      await Promise.all(closers.map((c) => c()));
    },
  };
}
