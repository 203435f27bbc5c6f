import { openStore } from '../store';
import { describeEachStore } from '../store/testing/test-stores';
import { queryUnbilled } from './query-unbilled';
import { appointmentRow, BUSINESS, context, resetRows } from './testing/unbilled-fixtures';

/*
 * The customer filter reads appointment_customers (migration 0021), kept by triggers: after each kind
 * of write to an appointment's attendees the filter finds exactly the appointments they are on.
 */
describeEachStore('the Unbilled customer filter after writes to attendees', (getStore, suite) => {
  const db = () => getStore().db;
  const matching = async (customer: string) =>
    (await queryUnbilled(db(), { businessId: BUSINESS, state: 'all', customer, limit: 500 }, context())).rows.map((r) => r.id).sort();

  beforeEach(() =>
    resetRows(db(), [
      appointmentRow('a', { attendees: [{ id: 'cust-anna', name: 'Anna Ørsted', email: 'anna@example.dk' }] }),
      appointmentRow('b', {
        attendees: [
          { id: 'cust-anna', name: 'Anna Ørsted', email: 'anna@example.dk' },
          { id: 'cust-bo', name: 'Bo Berg', email: 'bo@example.dk' },
        ],
      }),
      appointmentRow('c', { attendees: [{ id: 'cust-carl', name: 'Carl', email: null }] }),
    ]),
  );

  it('finds inserted attendees by id, name and email, as the JSON says', async () => {
    expect(await matching('cust-anna')).toEqual(['a', 'b']);
    expect(await matching('BERG')).toEqual(['b']);
    expect(await matching('example.dk')).toEqual(['a', 'b']);
    expect(await matching('carl')).toEqual(['c']);
    expect(await matching('cust-')).toEqual([]);
  });

  it('follows a sync that changes the attendees, and a write that leaves them alone', async () => {
    const bo = JSON.stringify([{ id: 'cust-bo', name: 'Bo Berg', email: 'bo@example.dk', timeZone: null }]);
    await db().updateTable('appointments').set({ customers: bo }).where('id', '=', 'a').execute();
    await db().updateTable('appointments').set({ customers: '[]' }).where('id', '=', 'b').execute();
    await db().updateTable('appointments').set({ state: 'excluded' }).where('id', '=', 'c').execute();
    expect(await matching('cust-anna')).toEqual([]);
    expect(await matching('cust-bo')).toEqual(['a']);
    expect(await matching('carl')).toEqual(['c']);
  });

  it('forgets a deleted appointment, and reads an attendee written as customerId', async () => {
    await db().deleteFrom('appointments').where('id', '=', 'b').execute();
    expect(await matching('cust-bo')).toEqual([]);
    await db()
      .insertInto('appointments')
      .values({ ...appointmentRow('d'), customers: JSON.stringify([{ customerId: 'cust-dora', name: 'Dora', email: 'dora@example.dk' }]) })
      .execute();
    expect(await matching('cust-dora')).toEqual(['d']);
  });

  it('keeps no attendees of text that is no JSON array of objects, and still writes the row', async () => {
    await db().updateTable('appointments').set({ customers: 'not json' }).where('id', '=', 'a').execute();
    await db().updateTable('appointments').set({ customers: '["cust-bo", 3]' }).where('id', '=', 'c').execute();
    expect(await matching('cust-anna')).toEqual(['b']);
    expect(await matching('carl')).toEqual([]);
  });

  it('finds the attendees of appointments written before migration 0021', async () => {
    const target = await suite.freshConfig();
    const base = target.schema === undefined ? {} : { schema: target.schema };
    const old = await openStore(target.config, { ...base, migrateUpTo: '0018-unbilled-list-columns' });
    try {
      await resetRows(old.db, [appointmentRow('old', { attendees: [{ id: 'cust-old', name: 'Olga Old', email: 'olga@example.dk' }] })]);
    } finally {
      await old.close();
    }
    const latest = await openStore(target.config, base);
    try {
      const found = await queryUnbilled(latest.db, { businessId: BUSINESS, state: 'all', customer: 'olga' }, context());
      expect(found.rows.map((r) => r.id)).toEqual(['old']);
    } finally {
      await latest.close();
    }
  });
});
