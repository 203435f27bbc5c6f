import type { BookingsClient } from '../../clients/graph/bookings-client';
import { deferred } from '../../jobs/testing/fake-sync';
import { describeEachStore } from '../../store/testing/test-stores';
import { startSyncHarness, type SyncHarness } from '../testing/sync-harness';
import { readAppointmentCheckpoint } from './appointment-checkpoint';
import { createAppointmentSync } from './sync-appointments';
import { firstWindow, graphIds, NOW } from './test-support';

/*
 * Chunks read while a commit runs wait for the next one and share it (commitChunks): on SQLite each
 * commit writes every page it changed, and pages of the indexes keyed by appointment id hold rows of
 * every week.
 */
describeEachStore('Appointment chunks read during a commit', (_getStore, suite) => {
  const harnesses: SyncHarness[] = [];
  afterAll(() => Promise.all(harnesses.map((h) => h.close())));

  it('go into the next commit together, and the checkpoint marks them done together', async () => {
    const { db } = await suite.freshTarget().open();
    const h = await startSyncHarness({ now: NOW });
    harnesses.push(h);
    const base = h.context(db);
    const businessId = base.businessId;
    const readers = 4;

    // The first chunk's commit is held until every reader has read a chunk of its own.
    let reads = 0;
    const allRead = deferred();
    const bookings: BookingsClient = Object.create(base.bookings);
    bookings.calendarViewPages = async function* (...args) {
      yield* base.bookings.calendarViewPages(...args);
      if (++reads === readers) allRead.resolve();
    };
    const doneAfterEachCommit: number[] = [];
    const ctx = {
      ...base,
      bookings,
      commit: async <T>(work: Parameters<typeof base.commit<T>>[0]): Promise<T> => {
        if (reads > 0) await allRead.promise;
        const result = await base.commit(work);
        doneAfterEachCommit.push((await readAppointmentCheckpoint(db, businessId)).chunksDone.length);
        return result;
      },
    };

    const report = await createAppointmentSync({ concurrency: readers, chunkDays: 7 })(ctx);

    // The plan's commit (none done), the first chunk alone, then the three read while it was held, together.
    expect(doneAfterEachCommit.slice(0, 3)).toEqual([0, 1, readers]);
    const stored = (await db.selectFrom('appointments').select('id').execute()).map((r) => r.id).sort();
    expect(stored).toEqual(await graphIds(h, firstWindow(h)));
    expect(report.added).toBe(stored.length);
  });
});
