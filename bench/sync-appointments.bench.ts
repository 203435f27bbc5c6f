import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openStore, type AppStore } from '../service/store';
import { syncAppointments } from '../service/sync/appointments';
import { startSyncHarness, type SyncHarness } from '../service/sync/testing/sync-harness';
import { perSecond, timed, type Benchmark, type BenchResult } from './benchmark';
import { postgresProblem, POSTGRES_URL } from './postgres';

const SCALE = 100_000;
const LOOK_BACK_DAYS = 90;

/** Both runs on one store: the first backfills the look-back, the second re-reads from the checkpoint. */
async function measure(h: SyncHarness, store: AppStore, label: string): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  for (const run of ['first run (backfill)', 'second run (incremental)'] as const) {
    const before = h.graph.stats().requestsServed;
    const { value: report, ms } = await timed(() => syncAppointments(h.context(store.db, { runStartedAt: new Date() })));
    const read = report.added + report.updated + report.unchanged + report.rejected;
    rows.push({
      benchmark: `Appointment sync, ${SCALE.toLocaleString('en')}-appointment scale, ${LOOK_BACK_DAYS}-day look-back, ${run}, ${label}`,
      figure: Math.round(perSecond(read, ms)),
      unit: 'appointments/s',
      notes:
        `${read} appointments in ${Math.round(ms)} ms, ${h.graph.stats().requestsServed - before} Graph requests; ` +
        `added ${report.added}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected}`,
    });
  }
  return rows;
}

async function sqlite(h: SyncHarness): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-sync-'));
  const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'bench.db') });
  try {
    return await measure(h, store, 'SQLite');
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function postgres(h: SyncHarness): Promise<BenchResult[]> {
  const problem = await postgresProblem();
  if (problem !== undefined) {
    process.stderr.write(`\n*** PostgreSQL at ${POSTGRES_URL} is unreachable (${problem}): its appointment sync benchmark is SKIPPED. ***\n\n`);
    return [{ benchmark: 'Appointment sync, PostgreSQL', figure: 'skipped', unit: 'appointments/s', notes: `PostgreSQL unreachable at ${POSTGRES_URL}` }];
  }
  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const store = await openStore({ kind: 'postgres', url: POSTGRES_URL }, { schema });
  try {
    return await measure(h, store, 'PostgreSQL');
  } finally {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
    await store.close();
  }
}

export const syncAppointmentsBenchmark: Benchmark = {
  name: 'sync-appointments',
  async run() {
    // One pair of emulators for both stores: the sync only reads Graph, so the second store sees the same data.
    const h = await startSyncHarness({ seedScale: { appointments: SCALE }, setup: { lookBackDays: LOOK_BACK_DAYS } });
    try {
      return [...(await sqlite(h)), ...(await postgres(h))];
    } finally {
      await h.close();
    }
  },
};
