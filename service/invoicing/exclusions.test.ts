import { fixedClock } from '../domain/clock';
import { describeEachStore } from '../store/testing/test-stores';
import { appointmentRow, BUSINESS, context, resetRows } from '../unbilled/testing/unbilled-fixtures';
import { noShowFeeSchema } from '../setup/setup-schema';
import { queryUnbilled } from '../unbilled';
import { excludeAppointment, includeAppointment, setEnteredPrice } from './exclusions';

describeEachStore('exclusions', (getStore) => {
  const db = () => getStore().db;
  const deps = () => ({ db: db(), clock: fixedClock(new Date('2026-11-25T10:00:00Z')) });
  const who = { businessId: BUSINESS.toUpperCase(), actor: 'anna@example.dk', source: 'tab' as const };
  const stateOf = async (id: string) =>
    await db().selectFrom('appointments').select(['state', 'entered_price_minor']).where('id', '=', id).executeTakeFirstOrThrow();
  const auditOf = (id: string) => db().selectFrom('audit_log').selectAll().where('subject', '=', id).orderBy('id').execute();

  beforeEach(async () => {
    await db().deleteFrom('audit_log').execute();
    await resetRows(db(), [
      appointmentRow('a-1'),
      appointmentRow('a-invoiced', { state: 'invoiced' }),
      appointmentRow('a-claimed', { state: 'claimed' }),
      appointmentRow('a-cancelled', { state: 'cancelled' }),
      appointmentRow('a-varies', { price_type: 'priceVaries', price_minor: null }),
    ]);
  });

  it('excludes an unbilled appointment and includes it again, each with its audit row', async () => {
    expect(await excludeAppointment(deps(), { ...who, appointmentId: 'a-1', reason: 'Paid in cash' })).toEqual({ ok: true });
    expect((await stateOf('a-1')).state).toBe('excluded');
    expect(await excludeAppointment(deps(), { ...who, appointmentId: 'a-1' })).toMatchObject({ ok: false, code: 'not-allowed', reason: 'excluded' });

    expect(await includeAppointment(deps(), { ...who, appointmentId: 'a-1' })).toEqual({ ok: true });
    expect((await stateOf('a-1')).state).toBe('unbilled');
    expect(await includeAppointment(deps(), { ...who, appointmentId: 'a-1' })).toMatchObject({ ok: false, code: 'not-allowed', reason: 'not-excluded' });

    const rows = await auditOf('a-1');
    expect(rows.map((r) => [r.action, r.actor, r.source])).toEqual([
      ['appointment.excluded', 'anna@example.dk', 'tab'],
      ['appointment.included', 'anna@example.dk', 'tab'],
    ]);
    expect(JSON.parse(rows[0]!.details!)).toMatchObject({ businessId: BUSINESS, from: 'unbilled', to: 'excluded', reason: 'Paid in cash' });
  });

  it.each([
    ['a-invoiced', 'invoiced'],
    ['a-claimed', 'claimed'],
    ['a-cancelled', 'cancelled'],
  ] as const)('refuses to exclude %s, saying it is %s, and writes no audit row', async (id, reason) => {
    expect(await excludeAppointment(deps(), { ...who, appointmentId: id })).toMatchObject({ ok: false, code: 'not-allowed', reason, state: reason });
    expect((await stateOf(id)).state).toBe(reason);
    expect(await auditOf(id)).toHaveLength(0);
  });

  it("waives a late cancellation's fee by excluding it, and Include makes it the fee again", async () => {
    // The fixture's appointment starts 10 Nov 09:00Z; seen missing two hours before: late under a 24-hour window.
    await resetRows(db(), [appointmentRow('a-late', { state: 'cancelled', cancelled_seen_at: '2026-11-10T07:00:00.000Z' })]);
    const fees = context({ noShowFee: noShowFeeSchema.parse({ itemId: '11111111-1111-1111-1111-111111111111', lateCancellationHours: 24 }) });
    const listed = async () => (await queryUnbilled(db(), { businessId: BUSINESS, state: 'unbilled' }, fees)).rows.map((r) => [r.id, r.fee?.kind ?? null]);
    expect(await listed()).toEqual([['a-late', 'late-cancellation']]);

    expect(await excludeAppointment(deps(), { ...who, appointmentId: 'a-late', reason: 'Waived: ill' })).toEqual({ ok: true });
    expect((await stateOf('a-late')).state).toBe('excluded');
    expect(await listed()).toEqual([]);
    expect((await auditOf('a-late')).map((r) => [r.action, (JSON.parse(r.details!) as { from: string }).from])).toEqual([
      ['appointment.excluded', 'cancelled'],
    ]);

    expect(await includeAppointment(deps(), { ...who, appointmentId: 'a-late' })).toEqual({ ok: true });
    expect(await listed()).toEqual([['a-late', 'late-cancellation']]);
  });

  it('answers not-found for an unknown id or another business', async () => {
    expect(await excludeAppointment(deps(), { ...who, appointmentId: 'nope' })).toEqual({ ok: false, code: 'not-found' });
    expect(await includeAppointment(deps(), { ...who, businessId: 'other@example.dk', appointmentId: 'a-1' })).toEqual({ ok: false, code: 'not-found' });
  });

  it('sets and clears an entered price only where Bookings gives none', async () => {
    const price = { minor: 60000, currency: 'DKK' };
    expect(await setEnteredPrice(deps(), { ...who, appointmentId: 'a-varies', price })).toEqual({ ok: true });
    expect((await stateOf('a-varies')).entered_price_minor).toBe(60000);
    expect(await setEnteredPrice(deps(), { ...who, appointmentId: 'a-varies', price: { minor: 1, currency: 'EUR' } })).toMatchObject({ reason: 'currency' });
    expect(await setEnteredPrice(deps(), { ...who, appointmentId: 'a-1', price })).toMatchObject({ ok: false, reason: 'priced-by-bookings' });
    expect(await setEnteredPrice(deps(), { ...who, appointmentId: 'a-invoiced', price })).toMatchObject({ ok: false, reason: 'invoiced' });
    expect(await setEnteredPrice(deps(), { ...who, appointmentId: 'a-varies', price: null })).toEqual({ ok: true });
    expect((await stateOf('a-varies')).entered_price_minor).toBeNull();
    const rows = await auditOf('a-varies');
    expect(rows.map((r) => [r.action, JSON.parse(r.details!).to])).toEqual([
      ['appointment.price-entered', 60000],
      ['appointment.price-entered', null],
    ]);
  });

  it('refuses a negative price as invalid input', async () => {
    await expect(setEnteredPrice(deps(), { ...who, appointmentId: 'a-varies', price: { minor: -1, currency: 'DKK' } })).rejects.toThrow(
      /minor units .* from 0/,
    );
  });
});
