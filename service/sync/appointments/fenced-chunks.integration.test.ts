import { clockFrom } from '../../domain/clock';
import { deferred } from '../../jobs/testing/fake-sync';
import { realTimers } from '../../jobs/timers';
import { SyncRunner } from '../../jobs/sync-job';
import { LeaseStore } from '../../store';
import { describeEachStore } from '../../store/testing/test-stores';
import { startSyncHarness, type SyncHarness } from '../testing/sync-harness';
import { readAppointmentCheckpoint } from './appointment-checkpoint';
import { syncAppointments } from './sync-appointments';
import { NOW } from './test-support';

describeEachStore('Appointment chunks commit as the sync lease holder', (_getStore, suite) => {
  const harnesses: SyncHarness[] = [];
  afterAll(() => Promise.all(harnesses.map((h) => h.close())));

  it('a holder that stalled past its lease while another process took it commits no chunk and no checkpoint', async () => {
    const { db } = await suite.freshTarget().open();
    const h = await startSyncHarness({ now: NOW });
    harnesses.push(h);
    const clock = clockFrom(NOW);
    const entered = deferred();
    const gate = deferred();
    const ended = deferred();
    // Holder a stalls before its appointment phase reads anything, and its heartbeat never comes in time.
    const a = new SyncRunner({
      db,
      phases: [
        {
          name: 'appointments',
          run: async (ctx) => {
            entered.resolve();
            await gate.promise;
            try {
              return await syncAppointments(ctx);
            } finally {
              ended.resolve();
            }
          },
        },
      ],
      createContext: async (base) => ({ ...h.context(db), ...base }),
      timers: { ...realTimers, now: clock },
      holder: 'a',
      heartbeatMs: 3_600_000,
      leaseTtlMs: 60_000,
      pollMs: 10,
    });
    const id = await a.requestSync(h.businessId, { requestedBy: 'anna@contoso.com', source: 'cli' });
    await entered.promise;
    const leases = new LeaseStore(db);
    expect(await leases.acquire(`sync:${h.businessId.toLowerCase()}`, 'b', 60_000, new Date(clock().getTime() + 120_000))).toBeDefined();

    gate.resolve();
    // The phase reads Bookings and goes to commit its first chunk, where it meets b's token.
    await ended.promise;
    await a.stop();
    expect(await db.selectFrom('appointments').select('id').execute()).toEqual([]);
    expect((await readAppointmentCheckpoint(db, h.businessId.toLowerCase())).runId).toBeNull();
    const row = await db.selectFrom('sync_runs').select(['state', 'added_count']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'running', added_count: 0 });

    // The same phase under a lease it still holds commits its chunks (the refusal above was the lease's).
    await syncAppointments(h.context(db));
    expect((await db.selectFrom('appointments').select('id').execute()).length).toBeGreaterThan(50);
  });
});
