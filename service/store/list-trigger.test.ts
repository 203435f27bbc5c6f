import { sql } from 'kysely';
import type { AppointmentState } from '../domain/appointment';
import { appointmentRow, serviceLink } from '../unbilled/testing/unbilled-fixtures';
import { describeEachStore } from './testing/test-stores';

/*
 * The trigger that keeps an appointment's list_* columns (0018) writes them only when they change
 * (0027): an invoice run's record (claimed → invoiced) leaves them as the claim made them, and each
 * write of them rewrites the row's entry in every list index.
 */
describeEachStore('the list columns trigger', (getStore) => {
  const list = async (id: string) =>
    getStore()
      .db.selectFrom('appointments')
      .select(['list_open', 'list_ready', 'list_amount_minor', 'list_currency', 'list_customer_key', 'list_service_key'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const setState = (id: string, state: AppointmentState) => getStore().db.updateTable('appointments').set({ state }).where('id', '=', id).execute();

  beforeAll(async () => {
    const { db } = getStore();
    await db.insertInto('service_links').values(serviceLink('svc-linked')).execute();
    await db
      .insertInto('appointments')
      .values([appointmentRow('a-1'), appointmentRow('a-2', { service_name: 'Massage' })])
      .execute();
  });

  test('the list columns follow each change of an input, and stay as they are when the change leaves them', async () => {
    const open = await list('a-1');
    expect(open).toMatchObject({ list_open: 1, list_ready: 1, list_amount_minor: 49500, list_currency: 'DKK' });
    await setState('a-1', 'claimed');
    const claimed = await list('a-1');
    expect(claimed).toEqual({ ...open, list_open: 0, list_ready: 0 });
    await setState('a-1', 'invoiced');
    expect(await list('a-1')).toEqual(claimed);
    await setState('a-1', 'unbilled');
    expect(await list('a-1')).toEqual(open);
    await getStore().db.updateTable('appointments').set({ price_minor: 30000, service_name: 'Akupunktur' }).where('id', '=', 'a-1').execute();
    const changed = await list('a-1');
    expect(changed).toMatchObject({ list_open: 1, list_amount_minor: 30000 });
    expect(changed.list_service_key).not.toBe(open.list_service_key);
  });

  test('an update that leaves the list values as they are does not write them (SQLite)', async () => {
    const store = getStore();
    if (store.kind !== 'sqlite') return;
    await sql`create temp table list_writes (id text)`.execute(store.db);
    await sql`create temp trigger list_written after update of list_open, list_customer_key on appointments begin insert into list_writes values (NEW.id); end`.execute(
      store.db,
    );
    const writes = async () => (await sql<{ n: number }>`select count(*) as n from list_writes`.execute(store.db)).rows[0]?.n;
    await setState('a-2', 'claimed');
    expect(await writes()).toBe(1);
    await setState('a-2', 'invoiced');
    expect(await writes()).toBe(1);
    await setState('a-2', 'unbilled');
    expect(await writes()).toBe(2);
  });
});
