import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBcEmulator, type BcEmulator } from '../../sandbox/bc';
import { createGraphEmulator } from '../../sandbox/graph';
import { generateSandboxData, SANDBOX_BUSINESS_ID, SANDBOX_COMPANY_ID } from '../../sandbox/seed';
import { clockFrom } from '../../service/domain/clock';
import type { Env } from '../../service/config/env-files';
import { runCli } from '../run-cli';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export interface CliFixture {
  bcEmulator: BcEmulator;
  env: Env;
  dir: string;
  /** `npm run cli -- …argv` in this process, its output captured (no terminal, 140 columns). */
  cli(argv: string[]): Promise<CliRun>;
  close(): Promise<void>;
}

/**
 * Both emulators seeded around `now` (a small clinic: 20 customers, 2 staff) and an empty SQLite
 * database in a folder of its own, with the CLI's environment pointing at them: one per test, so no
 * test depends on another, and the app's clock starts at `now`.
 */
export async function startCliFixture(options: { name: string; now: Date; seed: number; daysBack: number; daysAhead: number }): Promise<CliFixture> {
  const token = `cli-${options.name}-test-token`;
  const data = generateSandboxData({
    seed: options.seed,
    now: options.now,
    scale: { customers: 20, staff: 2, daysBack: options.daysBack, daysAhead: options.daysAhead },
  });
  const clock = clockFrom(options.now);
  const graph = await createGraphEmulator(data.bookings, { token }, { now: clock }).listen('127.0.0.1', 0);
  const bcEmulator = createBcEmulator(data.bc, { token }, { now: clock });
  const bc = await bcEmulator.listen('127.0.0.1', 0);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cli-${options.name}-test-`));
  const env: Env = {
    APP_ENV: `cli-${options.name}-integration-test`,
    DATABASE_URL: path.join(dir, 'data', 'bookings.db'),
    GRAPH_BASE_URL: graph.baseUrl,
    BC_API_BASE_URL: bc.apiBaseUrl,
    BOOKINGS_BUSINESS_ID: SANDBOX_BUSINESS_ID,
    BC_COMPANY_ID: SANDBOX_COMPANY_ID,
    AUTH_MODE: 'static',
    STATIC_ACCESS_TOKEN: token,
    LOG_LEVEL: 'info',
    SANDBOX_CLOCK_START: options.now.toISOString(),
  };
  return {
    bcEmulator,
    env,
    dir,
    cli: async (argv) => {
      let out = '';
      let err = '';
      const code = await runCli(argv, { env, rootDir: dir, io: { out: (t) => void (out += t), err: (t) => void (err += t), isTty: false, columns: 140 } });
      return { code, out, err };
    },
    close: async () => {
      await Promise.all([graph.close(), bc.close()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
