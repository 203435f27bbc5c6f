import { sql } from 'kysely';
import type { AppStore } from '../../store/open-store';
import { describeEachStore } from '../../store/testing/test-stores';
import { startSyncHarness, type SyncHarness } from '../testing/sync-harness';
import { syncAppointments } from './sync-appointments';
import { NOW } from './test-support';

/*
 * A first sync into an empty SQLite store writes without the list-only indexes (store/deferred-indexes.ts)
 * and its appointment phase builds them once its writes are done: the sync that says it is done has
 * them, before the store's bulk work ends.
 */
describeEachStore('The appointment phase of a first sync', (_getStore, suite) => {
  const harnesses: SyncHarness[] = [];
  afterAll(() => Promise.all(harnesses.map((h) => h.close())));

  const indexNames = async (store: AppStore) =>
    (store.kind === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'index' and name like 'appointment%' order by name`.execute(store.db)
      : await sql<{
          name: string;
        }>`select indexname as name from pg_indexes where schemaname = current_schema() and indexname like 'appointment%' order by indexname`.execute(store.db)
    ).rows.map((r) => r.name);

  it('ends with every index the store had before it', async () => {
    const store = await suite.freshTarget().open();
    const h = await startSyncHarness({ now: NOW });
    harnesses.push(h);
    const before = await indexNames(store);

    const seen = await store.whileBulkWriting(async () => {
      const atStart = await indexNames(store);
      const report = await syncAppointments(h.context(store.db));
      return { atStart, added: report.added, atEnd: await indexNames(store) };
    });

    expect(seen.added).toBeGreaterThan(50);
    expect(seen.atStart.length).toBe(suite.kind === 'sqlite' ? before.length - 14 : before.length);
    expect(seen.atEnd).toEqual(before);
  });
});
