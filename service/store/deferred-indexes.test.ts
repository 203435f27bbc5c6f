import { sql, type Kysely } from 'kysely';
import { queryUnbilled } from '../unbilled/query-unbilled';
import { LIST_SORT_AND_FILTER_INDEXES } from '../unbilled/testing/list-indexes';
import { appointmentRow, BUSINESS, context, serviceLink } from '../unbilled/testing/unbilled-fixtures';
import type { Database } from './database';
import { AWAITING_SEARCH_ENTRY, deferListIndexesWhileEmpty } from './deferred-indexes';
import { describeEachStore } from './testing/test-stores';
import type { AppStore } from './open-store';

/** What a first sync builds at its end instead of row by row (deferred-indexes.ts). */
const DEFERRED = ['appointment_customers_idx', 'appointment_staff_idx', ...LIST_SORT_AND_FILTER_INDEXES];
/** The search's trigram table is filled at the end too: its insert trigger waits with the indexes. */
const SEARCH_TRIGGER = 'appointment_search_insert';
const DEFERRED_ENTRIES = [...DEFERRED, SEARCH_TRIGGER].sort();

/** The triggers on appointments (SQLite's catalog; PostgreSQL's are never deferred), with their definitions. */
async function triggers(store: AppStore): Promise<Map<string, string>> {
  if (store.kind !== 'sqlite') return new Map();
  const { rows } = await sql<{ name: string; definition: string }>`select name, sql as definition from sqlite_master
    where type = 'trigger' and tbl_name = 'appointments'`.execute(store.db);
  return new Map(rows.map((r) => [r.name, r.definition]));
}

/** What the customer search finds, as the list asks it (the search box's words). */
const searchFor = async (db: Kysely<Database>, words: string) =>
  (await queryUnbilled(db, { businessId: BUSINESS, search: words, sort: 'customer', limit: 500 }, context({}))).rows.map((r) => r.id);

/** SQLite: the appointments with a search entry (a key and its trigram row), and those without. */
async function searchEntries(store: AppStore): Promise<{ with: number; without: number } | null> {
  if (store.kind !== 'sqlite') return null;
  const { rows } = await sql<{ with: number; without: number }>`select
      (select count(*) from appointments a join appointment_search_keys k on k.appointment_id = a.id join appointment_search f on f.rowid = k.key) as "with",
      (select count(*) from appointments a where not exists (select 1 from appointment_search_keys k where k.appointment_id = a.id)) as "without"`.execute(
    store.db,
  );
  return rows[0]!;
}

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

  test("a bulk load into a store without appointments fills the customer search's table at its end, and the search finds the same rows meanwhile", async () => {
    const before = await triggers(store);
    const during = await store.whileBulkWriting(async () => {
      await insert(store.db, rows(120));
      // A row changed and one deleted while the search's trigger is away: neither has an entry to change.
      await store.db.updateTable('appointments').set({ search_text: 'customer a-000 renamed' }).where('id', '=', 'a-000').execute();
      await store.db.deleteFrom('appointments').where('id', '=', 'a-119').execute();
      return {
        triggers: await triggers(store),
        entries: await searchEntries(store),
        found: await searchFor(store.db, 'customer a-01'),
        renamed: await searchFor(store.db, 'renamed'),
      };
    });
    expect(await triggers(store)).toEqual(before);
    expect([...before.keys()].filter((name) => !during.triggers.has(name))).toEqual(suite.kind === 'sqlite' ? [SEARCH_TRIGGER] : []);
    expect(during.entries).toEqual(suite.kind === 'sqlite' ? { with: 0, without: 119 } : null);
    // What the search finds is the same during and after: by its LIKEs meanwhile, through the trigram table after.
    const customers = rows(10, 10).map((r) => r.id);
    expect(during.found.sort()).toEqual(customers);
    expect(during.renamed).toEqual(['a-000']);
    expect(await searchEntries(store)).toEqual(suite.kind === 'sqlite' ? { with: 119, without: 0 } : null);
    expect((await searchFor(store.db, 'customer a-01')).sort()).toEqual(customers);
    expect(await searchFor(store.db, 'renamed')).toEqual(['a-000']);
    // Rows inserted after the bulk load get their entries from the trigger again.
    await insert(store.db, rows(1, 200));
    expect(await searchEntries(store)).toEqual(suite.kind === 'sqlite' ? { with: 120, without: 0 } : null);
    expect(await searchFor(store.db, 'customer a-200')).toEqual(['a-200']);
  });

  test('a search looks for rows awaiting their search entry only while a first sync defers them, without walking the appointments otherwise', async () => {
    await insert(store.db, rows(3));
    // SQLite's plan, outer loop first: the look-up of the deferral comes before the appointments it would walk.
    const loops =
      store.kind === 'sqlite'
        ? (await sql<{ detail: string }>`explain query plan ${AWAITING_SEARCH_ENTRY}`.execute(store.db)).rows.flatMap(({ detail }) =>
            /^SEARCH d /.test(detail) ? ['deferred_indexes'] : /^SCAN u /.test(detail) ? ['appointments'] : [],
          )
        : null;
    expect(loops).toEqual(store.kind === 'sqlite' ? ['deferred_indexes', 'appointments'] : null);
    expect(store.kind === 'sqlite' ? (await AWAITING_SEARCH_ENTRY.execute(store.db)).rows : null).toEqual(store.kind === 'sqlite' ? [] : null);
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
    expect(deferred).toEqual(suite.kind === 'sqlite' ? DEFERRED_ENTRIES : []);
    expect(left.size).toBe(before.size - deferred.filter((name) => name !== SEARCH_TRIGGER).length);
    expect(await indexes(reopened)).toEqual(before);
    expect(await listByCustomer(reopened.db)).toHaveLength(10);
    expect(await searchEntries(reopened)).toEqual(suite.kind === 'sqlite' ? { with: 10, without: 0 } : null);
    expect(await searchFor(reopened.db, 'customer a-00')).toHaveLength(10);
  });
});
