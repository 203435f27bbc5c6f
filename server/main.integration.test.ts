import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PROJECT_ROOT } from '../service/config/config';
import { loadEnv } from '../service/config/env-files';
import { ownPostgresDatabase, probePostgres, TEST_DATABASE_URL } from '../service/store/testing/test-stores';
import { DEFAULT_TEST_NOW } from '../service/testing/test-dates';
import { APP_START, cleanEnv, freePort, runChild, waitForOutput, type ChildOutput } from './testing/sandbox-app';

/*
 * `npm start` as a user runs it: the real entry point in a child process, configured only through its
 * environment, stopped with Ctrl-C (SIGINT).
 */

const PG_URL = TEST_DATABASE_URL;
// Generous guards against a hung child, not performance criteria: a loaded machine starts it slowly.
const START_TIMEOUT_MS = 60_000;
const EXIT_TIMEOUT_MS = 20_000;
const TEST_TIMEOUT_MS = START_TIMEOUT_MS + EXIT_TIMEOUT_MS + 30_000;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function startMain(overrides: Record<string, string>): ChildOutput {
  // As `npm start` and App Service start it.
  const started = runChild(APP_START[0]!, APP_START.slice(1), cleanEnv(overrides));
  running.add(started.child);
  void started.exited.then(() => running.delete(started.child));
  return started;
}

const waitForStdout = (started: ChildOutput, text: string) => waitForOutput(started, new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), START_TIMEOUT_MS);

function exitWithin<T>(exited: Promise<T>, ms: number): Promise<T> {
  return Promise.race([exited, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`the process did not exit within ${ms} ms`)), ms).unref())]);
}

const running = new Set<ChildProcess>();
const tempDirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'main-test-'));
  tempDirs.push(dir);
  return dir;
}

afterAll(() => {
  // Only a failed test leaves a child behind; it must not outlive the run.
  for (const child of running) child.kill('SIGKILL');
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function sandboxPorts() {
  const [app, graph, bc] = [await freePort(), await freePort(), await freePort()];
  return {
    app,
    graph,
    bc,
    env: {
      PORT: String(app),
      GRAPH_BASE_URL: `http://127.0.0.1:${graph}/v1.0`,
      BC_API_BASE_URL: `http://127.0.0.1:${bc}/v2.0/sandbox-tenant/production/api/v2.0`,
      // The sandbox as of a fixed day: the seed it generates does not depend on when the test runs.
      SANDBOX_CLOCK_START: DEFAULT_TEST_NOW.toISOString(),
    },
  };
}

async function getJson(url: string, token?: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

describe('server/main.ts in sandbox mode', () => {
  it(
    'serves health and both emulators, and stops cleanly on SIGINT, freeing its ports',
    async () => {
      const ports = await sandboxPorts();
      const started = startMain({ ...ports.env, DATABASE_URL: path.join(tempDir(), 'b.db') });
      await waitForStdout(started, 'Press Ctrl-C to stop.');
      expect(started.stdout()).toContain(`http://localhost:${ports.app}/api/health`);
      expect(started.stdout()).toContain(ports.env.GRAPH_BASE_URL);
      expect(started.stdout()).toContain(ports.env.BC_API_BASE_URL);
      // server/start.sh became the app (exec): the signals below reach it, with glibc's malloc set to give memory back.
      expect(fs.readFileSync(`/proc/${started.child.pid}/cmdline`, 'utf8').split('\0')).toContain('server/main.ts');
      expect(fs.readFileSync(`/proc/${started.child.pid}/environ`, 'utf8').split('\0')).toEqual(
        expect.arrayContaining(['MALLOC_ARENA_MAX=2', 'MALLOC_MMAP_THRESHOLD_=131072', 'MALLOC_TRIM_THRESHOLD_=131072']),
      );

      const health = await getJson(`http://127.0.0.1:${ports.app}/api/health`);
      expect(health).toEqual({ status: 200, body: { status: 'ok', mode: 'sandbox', store: 'sqlite' } });

      const token = loadEnv({ APP_ENV: 'sandbox' }, PROJECT_ROOT)['STATIC_ACCESS_TOKEN'];
      expect(token).toBeDefined();
      const businesses = await getJson(`${ports.env.GRAPH_BASE_URL}/solutions/bookingBusinesses`, token);
      expect(businesses.status).toBe(200);
      expect(businesses.body).toMatchObject({ value: [expect.objectContaining({ id: 'fysio@nordlys.onmicrosoft.com' })] });
      const companies = await getJson(`${ports.env.BC_API_BASE_URL}/companies`, token);
      expect(companies.status).toBe(200);
      expect(companies.body).toMatchObject({ value: [expect.objectContaining({ id: expect.any(String) })] });

      // The bot's SDK loads at the first activity (lazy-bot-stack.ts): the endpoint still answers through it.
      const activity = await fetch(`http://127.0.0.1:${ports.app}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'no-type', channelId: 'msteams' }),
      });
      expect(activity.status).toBe(400);

      started.child.kill('SIGINT');
      expect(await exitWithin(started.exited, EXIT_TIMEOUT_MS)).toEqual({ code: 0, signal: null });
      expect([await isFree(ports.app), await isFree(ports.graph), await isFree(ports.bc)]).toEqual([true, true, true]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'refuses an invalid setting with exit code 2 and one line naming it',
    async () => {
      const ports = await sandboxPorts();
      const started = startMain({ ...ports.env, PORT: 'abc', DATABASE_URL: path.join(tempDir(), 'b.db') });
      const { code } = await exitWithin(started.exited, START_TIMEOUT_MS);
      expect(code).toBe(2);
      const lines = started
        .stderr()
        .split('\n')
        .filter((line) => line.trim() !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('PORT');
      expect(started.stdout()).not.toContain('Press Ctrl-C');
    },
    TEST_TIMEOUT_MS,
  );
});

const postgres = probePostgres(PG_URL);
const isCi = process.env['CI'] === 'true';
if (!postgres.reachable && !isCi) {
  console.warn(`\n*** PostgreSQL at ${PG_URL} is unreachable (${postgres.reason}): the server's PostgreSQL start-up test is SKIPPED. ***\n`);
}

if (postgres.reachable || isCi)
  describe('server/main.ts on PostgreSQL', () => {
    // A database of its own, so the migrations never touch tables other runs use.
    const database = ownPostgresDatabase();

    beforeAll(async () => {
      if (!postgres.reachable) throw new Error(`CI=true but PostgreSQL at ${PG_URL} is unreachable: ${postgres.reason}`);
      await database.create();
    });
    afterAll(async () => {
      if (postgres.reachable) await database.drop();
    });

    it(
      'reports the postgres store in health',
      async () => {
        const ports = await sandboxPorts();
        const started = startMain({ ...ports.env, DATABASE_URL: database.url });
        await waitForStdout(started, 'Press Ctrl-C to stop.');
        expect(started.stdout()).toContain('postgres store');

        const health = await getJson(`http://127.0.0.1:${ports.app}/api/health`);
        expect(health).toEqual({ status: 200, body: { status: 'ok', mode: 'sandbox', store: 'postgres' } });

        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        const tables = await client
          .query<{ n: string }>("select count(*) as n from information_schema.tables where table_schema = 'public'")
          .finally(() => client.end());
        expect(Number(tables.rows[0]?.n)).toBeGreaterThan(0);

        started.child.kill('SIGINT');
        expect((await exitWithin(started.exited, EXIT_TIMEOUT_MS)).code).toBe(0);
      },
      TEST_TIMEOUT_MS,
    );
  });
