import type { Kysely } from 'kysely';
import { fixedClock } from '../domain/clock';
import { excludeAppointment, includeAppointment, setEnteredPrice } from '../invoicing/exclusions';
import type { Database } from '../store/database';
import { describeEachStore } from '../store/testing/test-stores';
import { AppointmentRepository } from '../appointments/appointment-repository';
import { ListTotalsCache } from './list-totals-cache';
import { queryUnbilled } from './query-unbilled';
import { appointmentRow, BUSINESS, context, NOW, resetRows, serviceLink } from './testing/unbilled-fixtures';
import type { UnbilledRequestInput } from './unbilled-schemas';
import type { UnbilledContext } from './unbilled-source';

/** Filters whose totals the cache keeps apart; each is checked against the uncached answer. */
const FILTERS: Partial<UnbilledRequestInput>[] = [{}, { state: 'all' }, { state: 'not-invoiceable' }, { state: 'all', reason: 'not-ended' }];

const ROWS = [
  appointmentRow('a-fixed', { price_minor: 49500 }),
  appointmentRow('a-hourly', { price_type: 'hourly', price_minor: 78000, duration_minutes: 50 }),
  appointmentRow('a-varies', { price_type: 'priceVaries', price_minor: null }),
  appointmentRow('a-second', { price_minor: 30000, start_utc: '2026-11-12T09:00:00.000Z', end_utc: '2026-11-12T10:00:00.000Z' }),
  // Ends at midnight after NOW: invoiceable once the clock reaches it.
  appointmentRow('a-tonight', { price_minor: 11100, start_utc: '2026-11-20T23:00:00.000Z', end_utc: '2026-11-21T00:00:00.000Z' }),
  appointmentRow('a-other-service', { service_id: 'svc-unlinked', price_minor: 22200 }),
];

describeEachStore('ListTotalsCache', (getStore, suite) => {
  const db = () => getStore().db;
  let cache: ListTotalsCache;
  const exclusions = () => ({ db: db(), clock: fixedClock(NOW) });
  const who = { businessId: BUSINESS, actor: 'anna@example.dk', source: 'tab' as const };

  const uncached = (ctx: UnbilledContext, filter: Partial<UnbilledRequestInput> = {}, on: Kysely<Database> = db()) =>
    queryUnbilled(on, { businessId: BUSINESS, limit: 1, ...filter }, ctx);
  const cached = (ctx: UnbilledContext, filter: Partial<UnbilledRequestInput> = {}, on: Kysely<Database> = db()) =>
    queryUnbilled(on, { businessId: BUSINESS, limit: 1, ...filter }, ctx, cache);
  const totalsOf = ({ total, totals, byDay }: Awaited<ReturnType<typeof uncached>>) => ({ total, totals, byDay });

  /** Every filter's cached totals equal the uncached ones; the default filter's, for the caller to compare. */
  async function agree(ctx: UnbilledContext = context(), on: Kysely<Database> = db()) {
    for (const filter of FILTERS) expect(totalsOf(await cached(ctx, filter, on))).toEqual(totalsOf(await uncached(ctx, filter, on)));
    return totalsOf(await cached(ctx, {}, on));
  }

  beforeEach(async () => {
    await resetRows(db(), ROWS, [serviceLink('svc-linked')]);
    cache = new ListTotalsCache();
  });

  it('answers from the cache while nothing changed: the same totals for every page and sort of a filter', async () => {
    const before = await agree();
    expect(before.totals.count).toBe(3);
    const sorted = await cached(context(), { sort: 'amount', direction: 'desc', offset: 2, limit: 1 });
    expect(totalsOf(sorted)).toEqual(before);
  });

  it('sees a sync upsert of a new appointment', async () => {
    const before = await agree();
    const repository = new AppointmentRepository(db());
    await repository.upsertFromBookings(
      [
        {
          id: 'a-synced',
          businessId: BUSINESS,
          start: new Date('2026-11-11T09:00:00.000Z'),
          end: new Date('2026-11-11T10:00:00.000Z'),
          durationMinutes: 60,
          serviceId: 'svc-linked',
          serviceName: 'Fysioterapi',
          staffMemberIds: ['staff-1'],
          attendees: [{ customerId: 'c-s', name: 'Sanne', email: 'sanne@example.dk', timeZone: null }],
          priceMinor: 40000,
          currency: 'DKK',
          priceType: 'fixedPrice',
          graphLastUpdated: NOW,
        },
      ],
      { syncRunId: 'sync-1', now: NOW },
    );
    const after = await agree();
    expect(after.totals.count).toBe(before.totals.count + 1);
  });

  it('sees a claim and an invoice made in one transaction each, and a release', async () => {
    const before = await agree();
    await db()
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('appointments').set({ state: 'claimed', claimed_by_run: 'run-1' }).where('id', '=', 'a-fixed').execute();
        await trx.updateTable('appointments').set({ state: 'claimed', claimed_by_run: 'run-1' }).where('id', '=', 'a-second').execute();
      });
    const claimed = await agree();
    expect(claimed.totals.count).toBe(before.totals.count - 2);
    await db()
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('appointments').set({ state: 'invoiced', invoice_id: 'inv-1' }).where('id', '=', 'a-fixed').execute();
        await trx.updateTable('appointments').set({ state: 'unbilled', claimed_by_run: null }).where('id', '=', 'a-second').execute();
      });
    const settled = await agree();
    expect(settled.totals.count).toBe(before.totals.count - 1);
  });

  it('sees an exclusion, an inclusion and an entered price', async () => {
    const before = await agree();
    expect(await excludeAppointment(exclusions(), { ...who, appointmentId: 'a-fixed' })).toEqual({ ok: true });
    expect((await agree()).totals.count).toBe(before.totals.count - 1);
    expect(await includeAppointment(exclusions(), { ...who, appointmentId: 'a-fixed' })).toEqual({ ok: true });
    expect(await agree()).toEqual(before);
    expect(await setEnteredPrice(exclusions(), { ...who, appointmentId: 'a-varies', price: { minor: 12300, currency: 'DKK' } })).toEqual({ ok: true });
    expect((await agree()).totals.count).toBe(before.totals.count + 1);
  });

  it("sees a customer's link change: blocked, and an appointment linked to a customer", async () => {
    const before = await agree();
    await db().updateTable('appointments').set({ customers_blocked: 1 }).where('id', '=', 'a-fixed').execute();
    expect((await agree()).totals.count).toBe(before.totals.count - 1);
    await db().updateTable('appointments').set({ customers_blocked: 0, customers: '[]', customer_count: 0 }).where('id', '=', 'a-fixed').execute();
    expect((await agree()).totals.count).toBe(before.totals.count - 1);
    await db().updateTable('appointments').set({ linked_bc_customer_id: 'bc-1' }).where('id', '=', 'a-fixed').execute();
    expect(await agree()).toEqual(before);
  });

  it("sees a service link's change: a new link, a price on its item, and its removal", async () => {
    const before = await agree();
    await db().insertInto('service_links').values(serviceLink('svc-unlinked')).execute();
    expect((await agree()).totals.count).toBe(before.totals.count + 1);
    await db().updateTable('service_links').set({ bc_item_unit_price_minor: 5000, currency: 'DKK' }).where('bookings_service_id', '=', 'svc-linked').execute();
    expect((await agree()).totals.count).toBe(before.totals.count + 2);
    await db().deleteFrom('service_links').execute();
    expect((await agree()).totals.count).toBe(0);
  });

  it('keeps the setup apart: zero lines for free and the time zone give their own totals', async () => {
    await db().updateTable('appointments').set({ price_minor: 0 }).where('id', '=', 'a-second').execute();
    const off = await agree(context({ addZeroLinesForFree: false }));
    const on = await agree(context({ addZeroLinesForFree: true }));
    expect(on.totals.count).toBe(off.totals.count + 1);
    const elsewhere = await agree(context({ dailySummary: { ...context().setup.dailySummary, timeZone: 'Asia/Kolkata' } }));
    expect(elsewhere.totals).toEqual(off.totals);
    expect(await agree(context({ addZeroLinesForFree: false }))).toEqual(off);
  });

  it('recomputes when the clock reaches an appointment end, with no write, and when it goes back', async () => {
    const before = await agree();
    const midnight = new Date('2026-11-21T00:00:00.000Z');
    const justBefore = new Date(midnight.getTime() - 1);
    expect(await agree(context({}, justBefore))).toEqual(before);
    const after = await agree(context({}, midnight));
    expect(after.totals.count).toBe(before.totals.count + 1);
    expect((await cached(context({}, midnight), { state: 'all', reason: 'not-ended' })).total).toBe(0);
    expect(await agree(context({}, justBefore))).toEqual(before);
  });

  it('sees a write another instance (a second Kysely on the same database) made', async () => {
    const before = await agree();
    const other = await suite.reopen();
    await other.db.updateTable('appointments').set({ state: 'excluded' }).where('id', '=', 'a-hourly').execute();
    const after = await agree();
    expect(after.totals.count).toBe(before.totals.count - 1);
    // And the other instance's own cache sees this one's write.
    const theirs = new ListTotalsCache();
    const ask = async () => totalsOf(await queryUnbilled(other.db, { businessId: BUSINESS, limit: 1 }, context(), theirs));
    expect(await ask()).toEqual(after);
    await db().updateTable('appointments').set({ state: 'unbilled' }).where('id', '=', 'a-hourly').execute();
    expect(await ask()).toEqual(before);
  });
});
