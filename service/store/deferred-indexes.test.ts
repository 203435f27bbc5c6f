import { sql, type Kysely } from 'kysely';
import { queryUnbilled } from '../unbilled/query-unbilled';
import { LIST_SORT_AND_FILTER_INDEXES } from '../unbilled/testing/list-indexes';
import { appointmentRow, BUSINESS, context, serviceLink } from '../unbilled/testing/unbilled-fixtures';
import type { Database } from './database';
import { deferListIndexesWhileEmpty } from './deferred-indexes';
import { describeEachStore } from './testing/test-stores';
import type { AppStore } from './open-store';

/** What a first sync builds at its end instead of row by row (deferred-indexes.ts). */
const DEFERRED = ['appointment_customers_idx', 'appointment_staff_idx', ...LIST_SORT_AND_FILTER_INDEXES];

/** Every index of the appointments and their side tables, with its definition. */
async function indexes(store: AppStore): Promise<Map<string, string>> {
  const { rows } =
    store.kind === 'sqlite'
      ? await sql<{ name: string; definition: string }>`select name, sql as definition from sqlite_master where type = 'index' and sql is not null`.execute(
          store.db,
        )
      : await sql<{
          name: string;
          definition: string;
        }>`select indexname as name, indexdef as definition from pg_indexes where schemaname = current_schema()`.execute(store.db);
  return new Map(rows.filter((r) => r.name.startsWith('appointment')).map((r) => [r.name, r.definition]));
}

const rows = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) =>
    appointmentRow(`a-${String(from + i).padStart(3, '0')}`, { start_utc: `2026-11-${String(1 + (i % 20)).padStart(2, '0')}T09:00:00.000Z` }),
  );

const insert = async (db: Kysely<Database>, values: ReturnType<typeof rows>) => {
  await db.insertInto('appointments').values(values).execute();
};

/** The Unbilled list by customer, as a person reads it: the sort the customer index serves. */
const listByCustomer = async (db: Kysely<Database>) =>
  (await queryUnbilled(db, { businessId: BUSINESS, sort: 'customer', limit: 500 }, context({}))).rows.map((r) => r.id);

describeEachStore('list indexes during a first sync', (_getStore, suite) => {
  let store: AppStore;
  beforeEach(async () => {
    store = await suite.freshTarget().open();
    await store.db.insertInto('service_links').values(serviceLink('svc-linked')).execute();
  });

  /** Where SQLite keeps its temporary files (the rebuild sorts on disk for a while): null on PostgreSQL. */
  const tempStore = async () => (store.kind === 'sqlite' ? (await sql<{ temp_store: number }>`pragma temp_store`.execute(store.db)).rows[0] : null);

  test('a bulk load into a store without appointments has the list-only indexes built at its end, as they were', async () => {
    const before = await indexes(store);
    const tempStoreBefore = await tempStore();
    const during = await store.whileBulkWriting(async () => {
      await insert(store.db, rows(120));
      return { indexes: await indexes(store), list: await listByCustomer(store.db) };
    });
    const after = await indexes(store);
    expect(after).toEqual(before);
    expect(await tempStore()).toEqual(tempStoreBefore);
    const missing = [...before.keys()].filter((name) => !during.indexes.has(name)).sort();
    expect(missing).toEqual(suite.kind === 'sqlite' ? DEFERRED : []);
    // The list answers meanwhile, from the table, and the same once its indexes are back.
    expect(during.list).toHaveLength(120);
    expect(await listByCustomer(store.db)).toEqual(during.list);
  });

  test('a store that holds an appointment keeps every index through a bulk load', async () => {
    await insert(store.db, rows(1));
    const before = await indexes(store);
    const during = await store.whileBulkWriting(async () => {
      await insert(store.db, rows(5, 1));
      return indexes(store);
    });
    expect(during).toEqual(before);
  });

  test('a bulk load that fails still has the indexes built again', async () => {
    const before = await indexes(store);
    await expect(
      store.whileBulkWriting(async () => {
        await insert(store.db, rows(3));
        throw new Error('sync failed');
      }),
    ).rejects.toThrow('sync failed');
    expect(await indexes(store)).toEqual(before);
  });
});

describeEachStore('list indexes a killed first sync left deferred', (_getStore, suite) => {
  test('come back, as they were, when the store next opens', async () => {
    const target = suite.freshTarget();
    const first = await target.open();
    const before = await indexes(first);
    // On PostgreSQL nothing is deferred: this is SQLite's own query, and it fails there.
    const deferred = suite.kind === 'sqlite' ? await deferListIndexesWhileEmpty(first.db) : [];
    await first.db.insertInto('service_links').values(serviceLink('svc-linked')).execute();
    await insert(first.db, rows(10));
    const left = await indexes(first);
    await first.close();

    const reopened = await target.open();
    expect(deferred).toEqual(suite.kind === 'sqlite' ? DEFERRED : []);
    expect(left.size).toBe(before.size - deferred.length);
    expect(await indexes(reopened)).toEqual(before);
    expect(await listByCustomer(reopened.db)).toHaveLength(10);
  });
});
