import { fixedClock } from '../domain/clock';
import { describeEachStore } from '../store/testing/test-stores';
import { appointmentRow, BUSINESS, resetRows } from '../unbilled/testing/unbilled-fixtures';
import { markNoShow, undoNoShow } from './no-shows';

describeEachStore('no-shows', (getStore) => {
  const db = () => getStore().db;
  // The fixtures' appointments end 2026-11-10T10:00Z; 'a-later' ends after this clock.
  const deps = () => ({ db: db(), clock: fixedClock(new Date('2026-11-25T10:00:00Z')) });
  const who = { businessId: BUSINESS.toUpperCase(), actor: 'anna@example.dk', source: 'tab' as const };
  const noShowOf = async (id: string) => (await db().selectFrom('appointments').select('no_show').where('id', '=', id).executeTakeFirstOrThrow()).no_show;
  const auditOf = (id: string) => db().selectFrom('audit_log').selectAll().where('subject', '=', id).orderBy('id').execute();

  beforeEach(async () => {
    await db().deleteFrom('audit_log').execute();
    await resetRows(db(), [
      appointmentRow('a-1', { attendees: [{ name: 'Karen Holm', email: 'karen@example.dk' }] }),
      appointmentRow('a-excluded', { state: 'excluded' }),
      appointmentRow('a-invoiced', { state: 'invoiced' }),
      appointmentRow('a-claimed', { state: 'claimed', claimed_by_run: 'run-1' }),
      appointmentRow('a-cancelled', { state: 'cancelled' }),
      appointmentRow('a-later', { start_utc: '2026-11-25T09:30:00.000Z', end_utc: '2026-11-25T10:30:00.000Z' }),
      appointmentRow('a-just-ended', { start_utc: '2026-11-25T09:00:00.000Z', end_utc: '2026-11-25T10:00:00.000Z' }),
      appointmentRow('a-invoiced-marked', { state: 'invoiced', no_show: 1 }),
      appointmentRow('a-claimed-marked', { state: 'claimed', claimed_by_run: 'run-1', no_show: 1 }),
    ]);
  });

  it('marks an ended appointment once, undoes it once, and audits each change with the person', async () => {
    const marked = await markNoShow(deps(), { ...who, appointmentId: 'a-1' });
    expect(marked).toEqual({
      ok: true,
      changed: true,
      noShow: true,
      appointment: { serviceName: 'Fysioterapi', customers: ['Karen Holm'], start: '2026-11-10T09:00:00.000Z', end: '2026-11-10T10:00:00.000Z' },
    });
    expect(await noShowOf('a-1')).toBe(1);
    expect(await markNoShow(deps(), { ...who, appointmentId: 'a-1' })).toMatchObject({ ok: true, changed: false, noShow: true });

    expect(await undoNoShow(deps(), { ...who, appointmentId: 'a-1' })).toMatchObject({ ok: true, changed: true, noShow: false });
    expect(await noShowOf('a-1')).toBe(0);
    expect(await undoNoShow(deps(), { ...who, appointmentId: 'a-1' })).toMatchObject({ ok: true, changed: false, noShow: false });

    const rows = await auditOf('a-1');
    expect(rows.map((r) => [r.action, r.actor, r.source, r.at])).toEqual([
      ['appointment.no-show', 'anna@example.dk', 'tab', '2026-11-25T10:00:00.000Z'],
      ['appointment.no-show-undone', 'anna@example.dk', 'tab', '2026-11-25T10:00:00.000Z'],
    ]);
    expect(JSON.parse(rows[0]!.details!)).toEqual({ businessId: BUSINESS, state: 'unbilled', noShow: true });
  });

  it('marks an appointment the moment it ends, an excluded one too, and leaves its state alone', async () => {
    expect(await markNoShow(deps(), { ...who, appointmentId: 'a-just-ended' })).toMatchObject({ ok: true, changed: true });
    expect(await markNoShow(deps(), { ...who, appointmentId: 'a-excluded' })).toMatchObject({ ok: true, changed: true });
    const states = await db().selectFrom('appointments').select(['id', 'state']).where('id', 'in', ['a-just-ended', 'a-excluded']).orderBy('id').execute();
    expect(states).toEqual([
      { id: 'a-excluded', state: 'excluded' },
      { id: 'a-just-ended', state: 'unbilled' },
    ]);
  });

  it.each([
    ['a-later', 'not-ended', 'unbilled', 'The appointment has not ended yet'],
    ['a-cancelled', 'cancelled', 'cancelled', 'The appointment was cancelled in Bookings'],
    ['a-invoiced', 'invoiced', 'invoiced', 'The appointment is invoiced already'],
    ['a-claimed', 'claimed', 'claimed', 'The appointment is being invoiced right now'],
  ] as const)('refuses to mark %s (%s) in words, changing and auditing nothing', async (id, reason, state, message) => {
    expect(await markNoShow(deps(), { ...who, appointmentId: id })).toEqual({ ok: false, code: 'not-allowed', reason, state, message });
    expect(await noShowOf(id)).toBe(0);
    expect(await auditOf(id)).toHaveLength(0);
  });

  it.each([
    ['a-invoiced-marked', 'invoiced'],
    ['a-claimed-marked', 'claimed'],
  ] as const)('refuses to undo %s: a run has it (%s)', async (id, reason) => {
    expect(await undoNoShow(deps(), { ...who, appointmentId: id })).toMatchObject({ ok: false, code: 'not-allowed', reason });
    expect(await noShowOf(id)).toBe(1);
    expect(await auditOf(id)).toHaveLength(0);
  });

  it('answers not-found for an unknown id or another business', async () => {
    expect(await markNoShow(deps(), { ...who, appointmentId: 'nope' })).toEqual({ ok: false, code: 'not-found' });
    expect(await undoNoShow(deps(), { ...who, businessId: 'other@example.dk', appointmentId: 'a-1' })).toEqual({ ok: false, code: 'not-found' });
  });

  it('writes one audit entry when two people mark the same appointment at once', async () => {
    const results = await Promise.all([
      markNoShow(deps(), { ...who, appointmentId: 'a-1' }),
      markNoShow(deps(), { ...who, actor: 'bo@example.dk', appointmentId: 'a-1' }),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(results.filter((r) => r.ok && r.changed)).toHaveLength(1);
    expect(await auditOf('a-1')).toHaveLength(1);
  });
});
