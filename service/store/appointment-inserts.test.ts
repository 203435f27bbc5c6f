import { sql } from 'kysely';
import { appointmentRow, serviceLink, type TestAttendee } from '../unbilled/testing/unbilled-fixtures';
import type { NewRow } from './database';
import { openStore, type AppStore } from './open-store';
import { describeEachStore } from './testing/test-stores';

/*
 * A sync inserts new appointments through the appointment_inserts view (migration 0029), which writes
 * each row once with the list columns 0018's triggers would have given it: the same values as an
 * insert into appointments itself, for every kind of row the list tells apart.
 */

const LIST = ['list_open', 'list_fee', 'list_ready', 'list_unit_minor', 'list_amount_minor', 'list_currency', 'list_customer_key', 'list_service_key'] as const;

const HANSEN: TestAttendee[] = [{ id: 'cust-1', name: 'Jens Hansen', email: 'jens@example.dk' }];
const DANISH: TestAttendee[] = [{ name: 'Åse Ærø', email: 'aase@example.dk' }];

/** Rows the list tells apart: ready, hourly, unpriced with and without the item's price, free, unlinked, no customer, no email, claimed, cancelled, no JSON. */
const KINDS: Record<string, Partial<NewRow<'appointments'>> & { attendees?: TestAttendee[] }> = {
  ready: {},
  hourly: { price_type: 'hourly', price_minor: 60000, duration_minutes: 45 },
  itemPriced: { price_type: 'priceVaries', price_minor: null, service_id: 'svc-priced' },
  priceNeeded: { price_type: 'callUs', price_minor: null },
  free: { price_type: 'free', price_minor: 0 },
  unlinked: { service_id: 'svc-unlinked', service_name: 'Zoneterapi' },
  noCustomer: { attendees: [] },
  withoutEmail: { attendees: [{ name: 'Bo', email: null }] },
  danish: { attendees: DANISH, service_name: 'Ørelys' },
  claimed: { state: 'claimed' },
  cancelled: { state: 'cancelled' },
  notJson: { customers: 'not json' },
};

/** The view's columns of a row: the list columns are the view's to compute, the rest have the table's defaults. */
function viewRow(row: NewRow<'appointments'>): NewRow<'appointment_inserts'> {
  const {
    last_attempt_failed: _failed,
    no_show: _noShow,
    cancelled_seen_at: _cancelled,
    customer_count,
    customers_without_email,
    customers_blocked,
    search_text,
    ...rest
  } = row;
  return {
    ...rest,
    customer_count: customer_count ?? 0,
    customers_without_email: customers_without_email ?? 0,
    customers_blocked: customers_blocked ?? 0,
    search_text: search_text ?? '',
  };
}

const links = [serviceLink('svc-linked'), serviceLink('svc-priced', { bc_item_unit_price_minor: 42000, currency: 'EUR' })];

async function listColumns(store: AppStore, idPrefix: string) {
  const rows = await store.db
    .selectFrom('appointments')
    .select(['id', ...LIST])
    .where('id', 'like', `${idPrefix}%`)
    .orderBy('id')
    .execute();
  return Object.fromEntries(rows.map(({ id, ...values }) => [id.slice(idPrefix.length), values]));
}

describeEachStore('inserts through appointment_inserts', (getStore) => {
  beforeAll(async () => {
    await getStore().db.insertInto('service_links').values(links).execute();
  });

  test('give every kind of row the list columns an insert into appointments gives it', async () => {
    const { db } = getStore();
    const kinds = Object.entries(KINDS);
    await db
      .insertInto('appointments')
      .values(kinds.map(([kind, overrides]) => appointmentRow(`direct-${kind}`, { attendees: HANSEN, ...overrides })))
      .execute();
    await db
      .insertInto('appointment_inserts')
      .values(kinds.map(([kind, overrides]) => viewRow(appointmentRow(`view-${kind}`, { attendees: HANSEN, ...overrides }))))
      .execute();

    const direct = await listColumns(getStore(), 'direct-');
    const viewed = await listColumns(getStore(), 'view-');
    expect(viewed).toEqual(direct);
    // The kinds differ where the list tells them apart: this is no comparison of defaults.
    expect(viewed['ready']).toMatchObject({ list_open: 1, list_ready: 1, list_amount_minor: 49500, list_currency: 'DKK' });
    expect(viewed['hourly']).toMatchObject({ list_ready: 1, list_unit_minor: 60000, list_amount_minor: 45000 });
    expect(viewed['itemPriced']).toMatchObject({ list_ready: 1, list_unit_minor: 42000, list_currency: 'EUR' });
    expect(viewed['priceNeeded']).toMatchObject({ list_open: 1, list_ready: 0, list_unit_minor: null });
    expect(viewed['unlinked']).toMatchObject({ list_open: 1, list_ready: 0, list_amount_minor: 49500 });
    expect(viewed['noCustomer']).toMatchObject({ list_ready: 0, list_amount_minor: 0, list_customer_key: '' });
    expect(viewed['claimed']).toMatchObject({ list_open: 0, list_ready: 0 });
    expect(viewed['danish']?.list_customer_key).not.toBe(viewed['ready']?.list_customer_key);
    expect(viewed['danish']?.list_service_key).not.toBe(viewed['ready']?.list_service_key);
    // The columns the view leaves out hold the table's defaults.
    expect(
      await db
        .selectFrom('appointments')
        .select(['no_show', 'last_attempt_failed', 'cancelled_seen_at'])
        .where('id', '=', 'view-ready')
        .executeTakeFirstOrThrow(),
    ).toEqual({
      no_show: 0,
      last_attempt_failed: 0,
      cancelled_seen_at: null,
    });
  });
});

describe('inserts through appointment_inserts on SQLite', () => {
  let store: AppStore;
  beforeAll(async () => {
    store = await openStore({ kind: 'sqlite', file: ':memory:' });
    await store.db.insertInto('service_links').values(links).execute();
    await sql`create temp table list_writes (id text)`.execute(store.db);
    await sql`create temp trigger list_written after update of list_open, list_amount_minor, list_customer_key on appointments begin insert into list_writes values (NEW.id); end`.execute(
      store.db,
    );
  });
  afterAll(() => store.close());

  const writes = async () => (await sql<{ id: string }>`select id from list_writes order by id`.execute(store.db)).rows.map((r) => r.id);

  test('write each row once: no update of its list columns follows the insert', async () => {
    await store.db
      .insertInto('appointment_inserts')
      .values(Object.entries(KINDS).map(([kind, overrides]) => viewRow(appointmentRow(`once-${kind}`, overrides))))
      .execute();
    expect(await writes()).toEqual([]);
    expect(await listColumns(store, 'once-ready')).toEqual({ '': expect.objectContaining({ list_open: 1, list_ready: 1, list_amount_minor: 49500 }) });
  });

  test('still give a row inserted into appointments itself its list columns', async () => {
    await store.db.insertInto('appointments').values(appointmentRow('plain-ready')).execute();
    expect(await writes()).toEqual(['plain-ready']);
    expect(await listColumns(store, 'plain-ready')).toEqual({ '': expect.objectContaining({ list_open: 1, list_ready: 1, list_amount_minor: 49500 }) });
  });
});
