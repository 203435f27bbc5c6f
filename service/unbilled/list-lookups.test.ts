import { openStore } from '../store';
import { describeEachStore } from '../store/testing/test-stores';
import { queryUnbilled } from './query-unbilled';
import { appointmentRow, BUSINESS, context, resetRows } from './testing/unbilled-fixtures';

/*
 * The staff filter reads appointment_staff and SQLite's search reads an FTS5 trigram table (migration
 * 0023), both kept by triggers: after each kind of write the filter and the search find exactly the
 * appointments the row says.
 */
describeEachStore('the Unbilled staff filter and search after writes', (getStore, suite) => {
  const db = () => getStore().db;
  const ids = async (filter: { staffMemberId?: string; search?: string }) =>
    (await queryUnbilled(db(), { businessId: BUSINESS, state: 'all', limit: 500, ...filter }, context())).rows.map((r) => r.id).sort();

  beforeEach(() =>
    resetRows(db(), [
      appointmentRow('a', { staff_member_ids: JSON.stringify(['staff-1', 'staff-2']), attendees: [{ name: 'Ærling Østergaard', email: 'ae@example.dk' }] }),
      appointmentRow('b', { staff_member_ids: JSON.stringify(['staff-2']), attendees: [{ name: 'Åse Ågård', email: 'aase@example.dk' }] }),
      appointmentRow('c', { staff_member_ids: JSON.stringify(['staff-10']), attendees: [{ name: 'Bo "Bent" Berg', email: 'bo@example.dk' }] }),
    ]),
  );

  it('finds a staff member as a whole element of the staff written on insert', async () => {
    expect(await ids({ staffMemberId: 'staff-1' })).toEqual(['a']);
    expect(await ids({ staffMemberId: 'staff-2' })).toEqual(['a', 'b']);
    expect(await ids({ staffMemberId: 'staff' })).toEqual([]);
  });

  it('follows a change of staff, a write that leaves them alone, and a delete', async () => {
    await db()
      .updateTable('appointments')
      .set({ staff_member_ids: JSON.stringify(['staff-1']) })
      .where('id', '=', 'b')
      .execute();
    await db().updateTable('appointments').set({ state: 'excluded' }).where('id', '=', 'c').execute();
    await db().deleteFrom('appointments').where('id', '=', 'a').execute();
    expect(await ids({ staffMemberId: 'staff-1' })).toEqual(['b']);
    expect(await ids({ staffMemberId: 'staff-2' })).toEqual([]);
    expect(await ids({ staffMemberId: 'staff-10' })).toEqual(['c']);
  });

  it('keeps no staff of text that is no JSON array, and still writes the row', async () => {
    await db().updateTable('appointments').set({ staff_member_ids: 'not json' }).where('id', '=', 'a').execute();
    await db().updateTable('appointments').set({ staff_member_ids: '{"staff-2": 1}' }).where('id', '=', 'b').execute();
    expect(await ids({ staffMemberId: 'staff-2' })).toEqual([]);
  });

  it('searches Danish letters in any case, words in any order, and words shorter than three letters', async () => {
    expect(await ids({ search: 'østergaard' })).toEqual(['a']);
    expect(await ids({ search: 'ØSTERGAARD ærling' })).toEqual(['a']);
    expect(await ids({ search: 'Åse' })).toEqual(['b']);
    expect(await ids({ search: 'åg å' })).toEqual(['b']);
    expect(await ids({ search: 'ø' })).toEqual(['a']);
    expect(await ids({ search: 'fysioterapi ÆRL' })).toEqual(['a']);
    expect(await ids({ search: 'østergaard åse' })).toEqual([]);
  });

  it('searches quotes and LIKE wildcards as plain text', async () => {
    expect(await ids({ search: '"bent"' })).toEqual(['c']);
    expect(await ids({ search: 'bo "b' })).toEqual(['c']);
    expect(await ids({ search: 'example%dk' })).toEqual([]);
    expect(await ids({ search: '_e@' })).toEqual([]);
  });

  it('follows a change of the searched text and a delete', async () => {
    await db().updateTable('appointments').set({ search_text: 'åse ågård aase@example.dk massage' }).where('id', '=', 'a').execute();
    await db().deleteFrom('appointments').where('id', '=', 'b').execute();
    expect(await ids({ search: 'ågård' })).toEqual(['a']);
    expect(await ids({ search: 'østergaard' })).toEqual([]);
    await db()
      .insertInto('appointments')
      .values(appointmentRow('d', { attendees: [{ name: 'Øjvind Ørsted', email: null }] }))
      .execute();
    expect(await ids({ search: 'ørsted' })).toEqual(['d']);
  });

  it('finds the staff and the text of appointments written before migration 0023', async () => {
    const target = await suite.freshConfig();
    const base = target.schema === undefined ? {} : { schema: target.schema };
    const old = await openStore(target.config, { ...base, migrateUpTo: '0021-appointment-customers' });
    try {
      await resetRows(old.db, [appointmentRow('old', { staff_member_ids: JSON.stringify(['staff-9']), attendees: [{ name: 'Øllegård', email: null }] })]);
    } finally {
      await old.close();
    }
    const latest = await openStore(target.config, base);
    try {
      const found = (filter: { staffMemberId?: string; search?: string }) =>
        queryUnbilled(latest.db, { businessId: BUSINESS, state: 'all', ...filter }, context()).then((r) => r.rows.map((row) => row.id));
      expect(await found({ staffMemberId: 'staff-9' })).toEqual(['old']);
      expect(await found({ search: 'øllegård' })).toEqual(['old']);
    } finally {
      await latest.close();
    }
  });
});
