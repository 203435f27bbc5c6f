import type { AppointmentState } from '../domain/appointment';
import { describeEachStore } from '../store/testing/test-stores';
import type { AppointmentRecord } from './appointment-record';
import { AppointmentRepository, rowToAppointment } from './appointment-repository';
import { CANCELLED_AFTER_INVOICING } from './upsert-decision';

const BUSINESS = 'clinic@example.com';
const NOW = new Date('2026-03-18T10:00:00Z');

const record = (id: string, day: number, overrides: Partial<AppointmentRecord> = {}): AppointmentRecord => ({
  id,
  businessId: BUSINESS,
  start: new Date(Date.UTC(2026, 2, day, 9)),
  end: new Date(Date.UTC(2026, 2, day, 10)),
  durationMinutes: 60,
  serviceId: 's1',
  serviceName: 'Massage',
  staffMemberIds: ['st1'],
  attendees: [
    { customerId: 'c1', name: 'Anna Ærø', email: 'Anna@Example.com', timeZone: 'Europe/Copenhagen' },
    { customerId: 'c2', name: 'Bo', email: '', timeZone: null },
  ],
  priceMinor: 49_500,
  currency: 'DKK',
  priceType: 'fixedPrice',
  graphLastUpdated: new Date('2026-03-01T00:00:00Z'),
  ...overrides,
});

describeEachStore('AppointmentRepository', (getStore) => {
  let n = 0;
  // Each test its own ids, so tests on the shared store do not see each other's rows.
  const ids = (...names: string[]) => {
    n++;
    return names.map((name) => `t${n}-${name}`);
  };
  const repository = () => new AppointmentRepository(getStore().db);
  const setState = (id: string, state: AppointmentState) => getStore().db.updateTable('appointments').set({ state }).where('id', '=', id).execute();
  const rowOf = async (id: string) => (await repository().findByIds([id]))[0]!;

  it('adds new rows with their denormalised facts and maps them back to the domain', async () => {
    const [a] = ids('a');
    const counts = await repository().upsertFromBookings([record(a!, 10)], { syncRunId: 'r1', now: NOW });
    expect(counts).toEqual({ added: 1, updated: 0, unchanged: 0 });

    const row = await rowOf(a!);
    expect(row).toMatchObject({ state: 'unbilled', customer_count: 2, customers_without_email: 1, last_seen_sync: 'r1', business_id: BUSINESS });
    expect(row.search_text).toBe('anna ærø anna@example.com bo massage');
    expect(rowToAppointment(row)).toEqual({
      id: a,
      businessId: BUSINESS,
      start: new Date(Date.UTC(2026, 2, 10, 9)),
      end: new Date(Date.UTC(2026, 2, 10, 10)),
      durationMinutes: 60,
      serviceId: 's1',
      serviceName: 'Massage',
      staffMemberIds: ['st1'],
      attendees: record(a!, 10).attendees,
      price: { minor: 49_500, currency: 'DKK' },
      priceType: 'fixedPrice',
      state: 'unbilled',
      reviewReason: null,
    });
  });

  it('counts unchanged and updated records, and neither reads whole nor writes a row Bookings shows unchanged', async () => {
    const [a, b] = ids('a', 'b');
    await repository().upsertFromBookings([record(a!, 10), record(b!, 11)], { syncRunId: 'r1', now: NOW });
    const statements: string[] = [];
    const counting = getStore().db.withPlugin({
      transformQuery: (args) => {
        statements.push(args.node.kind);
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    });
    const later = new Date(NOW.getTime() + 60_000);
    const counts = await new AppointmentRepository(counting).upsertFromBookings(
      [record(a!, 10), record(b!, 11, { priceMinor: 1 }), record(b!, 11, { priceMinor: 1 })],
      { syncRunId: 'r2', now: later },
    );
    expect(counts).toEqual({ added: 0, updated: 1, unchanged: 1 });
    // The changed row's one update, and no stamp on the unchanged one.
    expect(statements.filter((kind) => kind !== 'SelectQueryNode')).toEqual(['UpdateQueryNode']);
    expect(await rowOf(a!)).toMatchObject({ last_seen_sync: 'r1', updated_at: NOW.toISOString() });
    expect(await rowOf(b!)).toMatchObject({ price_minor: 1, last_seen_sync: 'r2', updated_at: later.toISOString() });
  });

  it('writes nothing at all for a batch Bookings shows unchanged', async () => {
    const [a, b] = ids('a', 'b');
    await repository().upsertFromBookings([record(a!, 10), record(b!, 11)], { syncRunId: 'r1', now: NOW });
    const statements: string[] = [];
    const counting = getStore().db.withPlugin({
      transformQuery: (args) => {
        statements.push(args.node.kind);
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    });
    const counts = await new AppointmentRepository(counting).upsertFromBookings([record(a!, 10), record(b!, 11)], { syncRunId: 'r2', now: NOW });
    expect(counts).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(statements).toEqual(['SelectQueryNode']);

    // With what a range read of their span found (a sync's chunk), not a statement more.
    const stored = await repository().storedIn(BUSINESS, { start: new Date(Date.UTC(2026, 2, 10)), end: new Date(Date.UTC(2026, 2, 12)) });
    statements.length = 0;
    const again = await new AppointmentRepository(counting).upsertFromBookings([record(a!, 10), record(b!, 11)], { syncRunId: 'r3', now: NOW, stored });
    expect(again).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(statements).toEqual([]);
  });

  it('finds the rows of a span whose ids the read did not see, then cancels the unbilled ones and flags billed ones unless the run stamped them', async () => {
    const [seen, gone, billed, before, excluded] = ids('seen', 'gone', 'billed', 'before', 'excluded');
    await repository().upsertFromBookings([record(seen!, 25), record(gone!, 25), record(billed!, 26), record(before!, 1), record(excluded!, 27)], {
      syncRunId: 'r1',
      now: NOW,
    });
    await setState(billed!, 'invoiced');
    await setState(excluded!, 'excluded');

    // Days no other test of this file uses.
    const span = { start: new Date(Date.UTC(2026, 2, 24)), end: new Date(Date.UTC(2026, 2, 29)) };
    const missing = repository().missingIds(await repository().storedIn(BUSINESS, span), new Set([seen!]));
    expect(missing.sort()).toEqual([gone!, billed!, excluded!].sort());
    // Read again by the run elsewhere (it moved): not gone.
    const [moved] = ids('moved');
    await repository().upsertFromBookings([record(moved!, 28)], { syncRunId: 'r1', now: NOW });
    await repository().upsertFromBookings([record(moved!, 2)], { syncRunId: 'r2', now: NOW });
    const counts = await repository().markVanished({ ids: [...missing, moved!], syncRunId: 'r2', now: NOW });

    expect((await rowOf(seen!)).state).toBe('unbilled');
    expect((await rowOf(gone!)).state).toBe('cancelled');
    expect(await rowOf(billed!)).toMatchObject({ state: 'invoiced', review_reason: CANCELLED_AFTER_INVOICING });
    expect((await rowOf(before!)).state).toBe('unbilled');
    // The domain's transitions have no excluded → cancelled: the row stays excluded.
    expect((await rowOf(excluded!)).state).toBe('excluded');
    expect(counts).toEqual({ cancelled: 1, flagged: 1 });

    expect((await rowOf(moved!)).state).toBe('unbilled');
    const again = await repository().markVanished({ ids: missing, syncRunId: 'r2', now: NOW });
    expect(again).toEqual({ cancelled: 0, flagged: 0 });
  });

  it('keeps the instant a row was first seen missing, and does not flag a billed fee whose appointment is gone', async () => {
    const [released, noShow, late] = ids('released', 'no-show', 'late');
    await repository().upsertFromBookings([record(released!, 20), record(noShow!, 20), record(late!, 20)], { syncRunId: 'r1', now: NOW });
    const first = '2026-03-20T07:00:00.000Z';
    // A late cancellation whose invoice failed is unbilled again, still missing from Bookings.
    await getStore().db.updateTable('appointments').set({ cancelled_seen_at: first }).where('id', '=', released!).execute();
    await getStore().db.updateTable('appointments').set({ state: 'invoiced', no_show: 1 }).where('id', '=', noShow!).execute();
    await getStore().db.updateTable('appointments').set({ state: 'invoiced', cancelled_seen_at: first }).where('id', '=', late!).execute();

    const span = { start: new Date(Date.UTC(2026, 2, 20)), end: new Date(Date.UTC(2026, 2, 21)) };
    const missing = repository().missingIds(await repository().storedIn(BUSINESS, span), new Set());
    const counts = await repository().markVanished({ ids: missing, syncRunId: 'r2', now: NOW });

    expect(await rowOf(released!)).toMatchObject({ state: 'cancelled', cancelled_seen_at: first });
    expect(await rowOf(noShow!)).toMatchObject({ state: 'invoiced', review_reason: null });
    expect(await rowOf(late!)).toMatchObject({ state: 'invoiced', review_reason: null });
    expect(counts).toEqual({ cancelled: 1, flagged: 0 });
  });

  it('a claim or exclusion written between its read and its write is kept (the write compares the state it read)', async () => {
    const [claimed, excluded] = ids('claimed', 'excluded');
    await repository().upsertFromBookings([record(claimed!, 12), record(excluded!, 13)], { syncRunId: 'r1', now: NOW });
    // Another writer (a run claiming, a person excluding) commits after the sync read the rows and before it writes them.
    let interleaved = 0;
    const racing = new AppointmentRepository(getStore().db, {
      afterRead: async () => {
        interleaved++;
        await setState(claimed!, 'claimed');
        await setState(excluded!, 'excluded');
      },
    });
    const counts = await racing.upsertFromBookings([record(claimed!, 12, { priceMinor: 1 }), record(excluded!, 13, { priceMinor: 2 })], {
      syncRunId: 'r2',
      now: NOW,
    });
    expect(interleaved).toBe(1);
    // The claimed row keeps what was billed and asks for a look; the excluded one follows Bookings and stays excluded.
    expect(await rowOf(claimed!)).toMatchObject({
      state: 'claimed',
      price_minor: 49_500,
      review_reason: 'Changed in Bookings after invoicing: price',
      last_seen_sync: 'r2',
    });
    expect(await rowOf(excluded!)).toMatchObject({ state: 'excluded', price_minor: 2, last_seen_sync: 'r2' });
    expect(counts).toEqual({ added: 0, updated: 2, unchanged: 0 });
  });

  it('marks refused records as seen without rewriting them', async () => {
    const [a] = ids('a');
    await repository().upsertFromBookings([record(a!, 20)], { syncRunId: 'r1', now: NOW });
    await repository().markSeen([a!, 'no-such-id'], 'r9');
    expect(await rowOf(a!)).toMatchObject({ last_seen_sync: 'r9', price_minor: 49_500 });
  });
});
