import type { AppStore } from '../service/store';
import { syncAppointments } from '../service/sync/appointments';
import { startSyncHarness, type SyncHarness } from '../service/sync/testing/sync-harness';
import { perSecond, timed, type Benchmark, type BenchResult } from './benchmark';
import { onEachStore } from './stores';

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

export const syncAppointmentsBenchmark: Benchmark = {
  name: 'sync-appointments',
  async run() {
    // One pair of emulators for both stores: the sync only reads Graph, so the second store sees the same data.
    const h = await startSyncHarness({ seedScale: { appointments: SCALE }, setup: { lookBackDays: LOOK_BACK_DAYS } });
    try {
      return await onEachStore({ title: 'Appointment sync', unit: 'appointments/s' }, (store, name) => measure(h, store, name));
    } finally {
      await h.close();
    }
  },
};
