import { sql } from 'kysely';
import type { AppStore } from '../../store/open-store';
import { describeEachStore } from '../../store/testing/test-stores';
import { startSyncHarness, type SyncHarness } from '../testing/sync-harness';
import { syncAppointments } from './sync-appointments';
import { NOW } from './test-support';

/*
 * A first sync into an empty SQLite store writes without the list-only indexes and three triggers
 * (store/deferred-indexes.ts), and its appointment phase writes what those would have and builds them
 * once its writes are done: the sync that says it is done has them, before the store's bulk work ends.
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

  /** SQLite's triggers on appointments (three wait with the indexes); PostgreSQL's never go away. */
  const triggerNames = async (store: AppStore) =>
    store.kind === 'sqlite'
      ? (
          await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and tbl_name = 'appointments' order by name`.execute(store.db)
        ).rows.map((r) => r.name)
      : [];

  /** Appointments without their attendees' or staff rows, which the deferred triggers' fills write. */
  const withoutRows = async (store: AppStore) =>
    Number(
      (
        await sql<{ n: number | string }>`select count(*) as n from appointments a
          where not exists (select 1 from appointment_customers c where c.appointment_id = a.id)
             or not exists (select 1 from appointment_staff s where s.appointment_id = a.id)`.execute(store.db)
      ).rows[0]!.n,
    );

  it('ends with every index and trigger the store had before it, and every row they write', async () => {
    const store = await suite.freshTarget().open();
    const h = await startSyncHarness({ now: NOW });
    harnesses.push(h);
    const before = await indexNames(store);
    const triggersBefore = await triggerNames(store);

    const seen = await store.whileBulkWriting(async () => {
      const atStart = { indexes: await indexNames(store), triggers: await triggerNames(store) };
      const report = await syncAppointments(h.context(store.db));
      return {
        atStart,
        added: report.added,
        atEnd: { indexes: await indexNames(store), triggers: await triggerNames(store), withoutRows: await withoutRows(store) },
      };
    });

    expect(seen.added).toBeGreaterThan(50);
    expect(seen.atStart.indexes.length).toBe(suite.kind === 'sqlite' ? before.length - 15 : before.length);
    expect(seen.atStart.triggers.length).toBe(suite.kind === 'sqlite' ? triggersBefore.length - 3 : 0);
    expect(seen.atEnd).toEqual({ indexes: before, triggers: triggersBefore, withoutRows: 0 });
  });
});
