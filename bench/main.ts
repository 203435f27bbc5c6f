import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PROJECT_ROOT } from '../service/config/config';
import { loadEnv } from '../service/config/env-files';
import { CHROMIUM_PATH, chromiumAvailable } from '../server/testing/chromium';
import type { BenchRun } from './bench-run';
import { emulatorStats, setEmulatorTimes, type EmulatorTimes } from './http';
import { postgresProblem, POSTGRES_URL } from './postgres';
import { processUsage, resetPeakRss, runCli, startApp, startEmulators, TAB_DIST, type AppProcess, type EmulatorsProcess } from './processes';
import { judge, renderMarkdown, replaceBetweenMarkers, type BenchResults, type Figure, type Machine } from './report';
import { invoiceRun } from './scenario-invoice';
import { unbilledList } from './scenario-list';
import { fullYearSync, incrementalSync, waitForSync } from './scenario-sync';
import { tab } from './scenario-tab';

/*
 * `npm run bench [invoice|sync|list|tab ...]`: issue 14's measurements at 100,000 appointments against
 * the emulators in a process of their own, the app (`server/start.sh` in sandbox mode) in another, the
 * product driven only through its HTTP API, its CLI and its tab. Writes bench/results.json and the
 * README's benchmark table (a full run) or prints the table (a subset). Timings are never jest tests.
 */

const SCENARIOS = ['sync', 'list', 'tab', 'invoice'] as const;
type Scenario = (typeof SCENARIOS)[number];

const SETTINGS: EmulatorTimes & { appointments: number } = {
  appointments: 100_000,
  latencyMs: 25,
  serviceTimeMs: 5,
  bcMaxConcurrent: 5,
  graphMaxConcurrentPerMailbox: 4,
};
/** The seed's, the emulators' and the app's "now" (SANDBOX_CLOCK_START): figures do not depend on the day. */
const NOW = new Date('2026-11-25T10:00:00.000Z');
/** A year of history for the first sync; no scheduled sync comes during the bench. */
const SETUP = ['setup', 'set', 'lookBackDays=365', 'syncIntervalMinutes=1440'];
const RESULTS_FILE = path.join(PROJECT_ROOT, 'bench', 'results.json');
const README = path.join(PROJECT_ROOT, 'README.md');

function machine(): Machine {
  const release = fs.existsSync('/etc/os-release') ? /^PRETTY_NAME="?([^"\n]*)"?/m.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] : undefined;
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    node: process.version,
    os: `${release ?? os.type()} (${os.platform()} ${os.release()}, ${os.arch()})`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
  };
}

function selected(args: readonly string[]): Scenario[] {
  const unknown = args.filter((a) => !(SCENARIOS as readonly string[]).includes(a));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; the scenarios are ${SCENARIOS.join(', ')}`);
  return SCENARIOS.filter((s) => args.length === 0 || args.includes(s));
}

/** A missing tool or service: said in words, without a stack. */
class PrerequisiteError extends Error {}

/** What the chosen scenarios need and this machine lacks, said in words before anything starts. */
async function checkPrerequisites(scenarios: readonly Scenario[]): Promise<void> {
  const problems: string[] = [];
  if (scenarios.includes('tab') && !chromiumAvailable)
    problems.push(`Chromium is missing at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) for the tab scenario.`);
  if (scenarios.includes('tab') && !fs.existsSync(TAB_DIST)) problems.push(`The tab is not built (${TAB_DIST} is missing): run \`npm run build:tab\` first.`);
  if (scenarios.includes('list')) {
    const problem = await postgresProblem();
    if (problem !== undefined)
      problems.push(`PostgreSQL is unreachable at ${POSTGRES_URL} (${problem}): start it, or point BENCH_DATABASE_URL at one, for the list scenario.`);
  }
  if (problems.length > 0) throw new PrerequisiteError(`npm run bench cannot run here:\n- ${problems.join('\n- ')}`);
}

/** A PostgreSQL database of the bench's own beside the configured one's; dropped by the returned function. */
async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

async function main(): Promise<void> {
  const scenarios = selected(process.argv.slice(2));
  await checkPrerequisites(scenarios);
  const startedAt = new Date();
  const log = (line: string) => process.stderr.write(`[bench ${Math.round(performance.now() / 1000)} s] ${line}\n`);
  const figures: Figure[] = [];
  const failures: string[] = [];
  const cleanups: Array<() => Promise<void>> = [];
  const cleanUp = async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch((e: unknown) => log(`while cleaning up: ${e instanceof Error ? e.message : String(e)}`));
  };
  const interrupted = (signal: NodeJS.Signals) => void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    log(`starting the emulators (${SETTINGS.appointments.toLocaleString('en')} appointments) in their own process`);
    const emulators: EmulatorsProcess = await startEmulators({ now: NOW.toISOString(), appointments: SETTINGS.appointments });
    cleanups.push(() => emulators.stop());
    await setEmulatorTimes(emulators, SETTINGS);
    log(`emulators ready: ${emulators.appointments} appointments; Graph ${emulators.graphBaseUrl}, BC ${emulators.bcApiBaseUrl}`);

    const sqlite = path.join(dir, 'bookings.db');
    await runCli(emulators, sqlite, NOW, SETUP);
    const beforeApp = await emulatorStats(emulators);
    const app: AppProcess = await startApp(emulators, sqlite, NOW);
    const appStarted = performance.now();
    cleanups.push(() => app.stop());
    log(`app on SQLite at ${app.origin}: its first sync (a year) runs`);
    const businessId = loadEnv({}, PROJECT_ROOT)['BOOKINGS_BUSINESS_ID'] ?? '';
    const run: BenchRun = {
      emulators,
      app,
      businessId,
      settings: SETTINGS,
      appNow: () => new Date(NOW.getTime() + (performance.now() - appStarted)),
      appUsage: () => processUsage(app.pid),
      resetAppPeakRss: () => resetPeakRss(app.pid),
      add: (f) => figures.push(judge(f)),
      log,
    };

    await fullYearSync(run, beforeApp, scenarios.includes('sync'));
    // A scenario that fails is reported as such; the others still run.
    const attempt = async (scenario: Scenario, work: () => Promise<void>) => {
      if (!scenarios.includes(scenario)) return;
      try {
        await work();
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        failures.push(`${scenario}: ${message}`);
        log(`the ${scenario} scenario FAILED: ${error instanceof Error ? (error.stack ?? message) : message}`);
        const exited = app.output.child.exitCode ?? app.output.child.signalCode;
        log(
          `the app ${exited === null ? 'still runs' : `has exited (${exited})`}; the end of its log:\n${app.output.stdout().slice(-3000)}\n${app.output.stderr().slice(-3000)}`,
        );
      }
    };
    await attempt('sync', () => incrementalSync(run));
    await attempt('list', () => unbilledList(run, app.origin, 'SQLite'));
    await attempt('tab', () => tab(run));
    await attempt('list', async () => {
      // Emulators of its own: against the SQLite app's Business Central company, whose items that app
      // created, every service would be a same-name conflict for a person to settle (item-plan.ts), and nothing invoiceable.
      const pgEmulators = await startEmulators({ now: NOW.toISOString(), appointments: SETTINGS.appointments });
      cleanups.push(() => pgEmulators.stop());
      await setEmulatorTimes(pgEmulators, SETTINGS);
      const database = await createDatabase();
      cleanups.push(() => database.drop());
      await runCli(pgEmulators, database.url, NOW, SETUP);
      const pgApp = await startApp(pgEmulators, database.url, NOW);
      cleanups.push(() => pgApp.stop());
      log(`app on PostgreSQL at ${pgApp.origin}: its first sync runs`);
      const synced = await waitForSync({ ...run, app: pgApp });
      log(`PostgreSQL app's first sync: ${synced.state}, counts ${JSON.stringify(synced.counts)}`);
      await unbilledList(run, pgApp.origin, 'PostgreSQL');
      await pgApp.stop();
    });
    await attempt('invoice', () => invoiceRun(run));
  } finally {
    await cleanUp();
  }

  const results: BenchResults = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: machine(),
    settings: { ...SETTINGS, graphServiceTimeMs: 'none (Graph costs its latency only)', bcRateLimit: 'off (1,000,000 per 5 min)' },
    scenarios,
    failures,
    figures,
  };
  const table = renderMarkdown(results);
  process.stdout.write(`\n${table}`);
  if (failures.length > 0) process.exitCode = 1;
  if (scenarios.length === SCENARIOS.length) {
    fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(README, replaceBetweenMarkers(fs.readFileSync(README, 'utf8'), table));
    log(`wrote ${path.relative(PROJECT_ROOT, RESULTS_FILE)} and README.md's benchmark table`);
  } else {
    // What results.json would keep: requests, counts and CPU behind each figure.
    for (const figure of figures) if (figure.notes !== undefined) log(`${figure.scenario}, ${figure.name}: ${figure.notes}`);
    log('a subset ran: bench/results.json and the README are left as they were');
  }
}

main().catch((error: unknown) => {
  const text = error instanceof PrerequisiteError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`\n${text}\n`);
  process.exit(1);
});
