import { sql, type Kysely } from 'kysely';
import { queryUnbilled } from '../unbilled/query-unbilled';
import { LIST_SORT_AND_FILTER_INDEXES } from '../unbilled/testing/list-indexes';
import { appointmentRow, BUSINESS, context, serviceLink } from '../unbilled/testing/unbilled-fixtures';
import type { Database } from './database';
import { AWAITING_ATTENDEES, AWAITING_SEARCH_ENTRY, AWAITING_STAFF, deferListIndexesWhileEmpty } from './deferred-indexes';
import { describeEachStore } from './testing/test-stores';
import type { AppStore } from './open-store';

/** What a first sync builds at its end instead of row by row (deferred-indexes.ts). */
const DEFERRED = ['appointment_customers_idx', 'appointment_staff_idx', 'appointments_list_by_id_idx', ...LIST_SORT_AND_FILTER_INDEXES].sort();
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

/** Triggers whose rows (search entries, attendees, staff) a first sync writes at its end: they wait with the indexes. */
const DEFERRED_TRIGGERS = ['appointment_customers_insert', 'appointment_search_insert', 'appointment_staff_insert'];
const DEFERRED_ENTRIES = [...DEFERRED, ...DEFERRED_TRIGGERS].sort();

/** The triggers on appointments (SQLite's catalog; PostgreSQL's are never deferred), with their definitions. */
async function triggers(store: AppStore): Promise<Map<string, string>> {
  if (store.kind !== 'sqlite') return new Map();
  const { rows } = await sql<{ name: string; definition: string }>`select name, sql as definition from sqlite_master
    where type = 'trigger' and tbl_name = 'appointments'`.execute(store.db);
  return new Map(rows.map((r) => [r.name, r.definition]));
}

/** The ids the list shows for a filter, sorted. */
const listed = async (db: Kysely<Database>, filter: { search?: string; customer?: string; staffMemberId?: string }) =>
  (await queryUnbilled(db, { businessId: BUSINESS, ...filter, sort: 'customer', limit: 500 }, context({}))).rows.map((r) => r.id).sort();

/** SQLite: how many appointments lack their search entry (a key and its trigram row), their attendees' rows, their staff rows. */
async function missingEntries(store: AppStore): Promise<{ search: number; attendees: number; staff: number } | null> {
  if (store.kind !== 'sqlite') return null;
  const { rows } = await sql<{ search: number; attendees: number; staff: number }>`select
      (select count(*) from appointments a where not exists (select 1 from appointment_search_keys k
        join appointment_search f on f.rowid = k.key where k.appointment_id = a.id)) as search,
      (select count(*) from appointments a where not exists (select 1 from appointment_customers c where c.appointment_id = a.id)) as attendees,
      (select count(*) from appointments a where not exists (select 1 from appointment_staff s where s.appointment_id = a.id)) as staff`.execute(store.db);
  return rows[0]!;
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

  test("a bulk load into a store without appointments writes the search's, attendees' and staff rows at its end, and the list's filters find the same rows meanwhile", async () => {
    const before = await triggers(store);
    // Every other appointment is staff-2's.
    const loaded = rows(120).map((row, i) => ({ ...row, staff_member_ids: JSON.stringify([i % 2 === 0 ? 'staff-2' : 'staff-1']) }));
    const views = () =>
      Promise.all([
        listed(store.db, { search: 'customer a-01' }),
        listed(store.db, { customer: 'a-01' }),
        listed(store.db, { staffMemberId: 'staff-2' }),
        listed(store.db, { customer: 'renamed' }),
        listed(store.db, { search: 'renamed' }),
      ]);
    const during = await store.whileBulkWriting(async () => {
      await insert(store.db, loaded);
      // Changed and deleted while the triggers are away: the change's own triggers write its rows whole, the delete finds none.
      await store.db
        .updateTable('appointments')
        .set({ customers: JSON.stringify([{ id: 'cust-r', name: 'Renamed Person', email: 'r@example.dk' }]), search_text: 'renamed person r@example.dk' })
        .where('id', '=', 'a-000')
        .execute();
      await store.db.deleteFrom('appointments').where('id', '=', 'a-119').execute();
      return { triggers: await triggers(store), missing: await missingEntries(store), views: await views() };
    });
    expect(await triggers(store)).toEqual(before);
    expect([...before.keys()].filter((name) => !during.triggers.has(name)).sort()).toEqual(suite.kind === 'sqlite' ? DEFERRED_TRIGGERS : []);
    // a-000's change wrote its attendees' rows; nothing else had any.
    expect(during.missing).toEqual(suite.kind === 'sqlite' ? { search: 119, attendees: 118, staff: 119 } : null);
    const expected = [
      rows(10, 10).map((r) => r.id),
      rows(10, 10).map((r) => r.id),
      loaded.filter((_, i) => i % 2 === 0).map((r) => r.id),
      ['a-000'],
      ['a-000'],
    ];
    // The same rows during (from the appointments themselves) and after (from the rows written at the end).
    expect(during.views).toEqual(expected);
    expect(await missingEntries(store)).toEqual(suite.kind === 'sqlite' ? { search: 0, attendees: 0, staff: 0 } : null);
    expect(await views()).toEqual(expected);
    const { rows: attendeeRows } = await sql<{ n: number }>`select count(*) as n from appointment_customers where appointment_id = 'a-000'`.execute(store.db);
    expect(Number(attendeeRows[0]!.n)).toBe(1);
    // Appointments inserted after the bulk load get their rows from the triggers again.
    await insert(store.db, rows(1, 200));
    expect(await missingEntries(store)).toEqual(suite.kind === 'sqlite' ? { search: 0, attendees: 0, staff: 0 } : null);
    expect(await listed(store.db, { search: 'customer a-200' })).toEqual(['a-200']);
  });

  test("the list's filters look for rows awaiting their entries only while a first sync defers them, without walking the appointments otherwise", async () => {
    await insert(store.db, rows(3));
    // SQLite's plan, outer loop first: the look-up of the deferral comes before the appointments it would walk.
    const relations = [AWAITING_SEARCH_ENTRY, AWAITING_ATTENDEES, AWAITING_STAFF];
    const loops = async (relation: (typeof relations)[number]) =>
      (await sql<{ detail: string }>`explain query plan ${relation}`.execute(store.db)).rows.flatMap(({ detail }) =>
        /^SEARCH d /.test(detail) ? ['deferred_indexes'] : /^(SCAN|SEARCH) u\b/.test(detail) ? ['appointments'] : [],
      );
    const plans = store.kind === 'sqlite' ? await Promise.all(relations.map(loops)) : null;
    expect(plans).toEqual(store.kind === 'sqlite' ? relations.map(() => ['deferred_indexes', 'appointments']) : null);
    const found = store.kind === 'sqlite' ? await Promise.all(relations.map(async (r) => (await r.execute(store.db)).rows)) : null;
    expect(found).toEqual(store.kind === 'sqlite' ? [[], [], []] : null);
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
    expect(left.size).toBe(before.size - deferred.filter((name) => !DEFERRED_TRIGGERS.includes(name)).length);
    expect(await indexes(reopened)).toEqual(before);
    expect(await listByCustomer(reopened.db)).toHaveLength(10);
    expect(await missingEntries(reopened)).toEqual(suite.kind === 'sqlite' ? { search: 0, attendees: 0, staff: 0 } : null);
    expect(await listed(reopened.db, { search: 'customer a-00' })).toHaveLength(10);
  });
});
