import type { BookingsClient } from '../../clients/graph/bookings-client';
import { describeEachStore } from '../../store/testing/test-stores';
import { startSyncHarness, type SyncHarness, type SyncHarnessOptions } from '../testing/sync-harness';
import { readAppointmentCheckpoint } from './appointment-checkpoint';
import { createAppointmentSync, syncAppointments } from './sync-appointments';
import { allRows, DAY_MS, firstWindow, graphIds, graphTime, NOW, pickRow } from './test-support';
import { CANCELLED_AFTER_INVOICING } from '../../appointments/upsert-decision';

/** The default slice of older unbilled appointments re-read by id per run. */

describeEachStore('syncAppointments against the emulators', (_getStore, suite) => {
  const harnesses: SyncHarness[] = [];
  afterAll(() => Promise.all(harnesses.map((h) => h.close())));

  const scenario = async (options: SyncHarnessOptions = {}) => {
    const store = await suite.freshTarget().open();
    const h = await startSyncHarness({ now: NOW, ...options });
    harnesses.push(h);
    return { db: store.db, h };
  };

  /** A first run, then the state tests start from a backfilled store. */
  const backfilled = async (options: SyncHarnessOptions = {}) => {
    const s = await scenario(options);
    await syncAppointments(s.h.context(s.db));
    return s;
  };

  it('backfills the look-back window on the first run and records where it stopped', async () => {
    const { db, h } = await scenario();
    const report = await syncAppointments(h.context(db));

    const rows = await allRows(db);
    const expected = await graphIds(h, firstWindow(h));
    expect(expected.length).toBeGreaterThan(50);
    expect(rows.map((r) => r.id)).toEqual(expected);
    expect(report).toEqual({ added: expected.length, updated: 0, unchanged: 0, removed: 0, rejected: 0 });
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['unbilled']));
    expect(new Set(rows.map((r) => r.business_id))).toEqual(new Set([h.businessId.toLowerCase()]));
    expect(new Set(rows.map((r) => r.currency))).toEqual(new Set(['DKK']));

    const seedById = new Map(h.data.bookings.businesses[0]!.appointments.map((a) => [a.id, a]));
    for (const row of rows) {
      const seeded = seedById.get(row.id)!;
      expect(row.start_utc).toBe(`${seeded.startDateTime.dateTime.slice(0, 19)}.000Z`);
      expect(row.price_minor).toBe(Math.round(seeded.price * 100));
      expect(row.customer_count).toBe(seeded.customers.length);
      expect(row.customers_without_email).toBe(seeded.customers.filter((c) => c.emailAddress === '').length);
      expect(row.duration_minutes).toBe((Date.parse(row.end_utc) - Date.parse(row.start_utc)) / 60_000);
    }
    const withCustomer = rows.find((r) => r.customer_count > 0)!;
    const firstName = JSON.parse(withCustomer.customers)[0].name as string;
    expect(withCustomer.search_text).toContain(firstName.toLowerCase());

    const checkpoint = await readAppointmentCheckpoint(db, h.businessId.toLowerCase());
    expect(checkpoint).toMatchObject({ syncedUntil: NOW.toISOString(), runId: null, chunksDone: [] });
  });

  it('creates no duplicates on a second run and reports everything it re-read as unchanged', async () => {
    const { db, h } = await backfilled();
    const before = await allRows(db);
    const report = await syncAppointments(h.context(db));

    const oldestUnbilled = Math.min(...before.filter((r) => r.state === 'unbilled').map((r) => Date.parse(r.start_utc)));
    const windowStart = Math.min(NOW.getTime() - h.setup.overlapDays * DAY_MS, oldestUnbilled);
    const reread = await graphIds(h, { start: new Date(windowStart), end: new Date(NOW.getTime() + DAY_MS) });
    expect(reread.length).toBeGreaterThan(0);
    // The window reaches back to the oldest unbilled appointment: nothing is left for the by-id slice.
    expect(report).toEqual({ added: 0, updated: 0, unchanged: reread.length, removed: 0, rejected: 0 });
    expect((await allRows(db)).map((r) => r.id)).toEqual(before.map((r) => r.id));
  });

  it('re-reads only the overlap once everything older is invoiced, and an older unbilled one by id otherwise', async () => {
    const { db, h } = await backfilled();
    const overlapStart = new Date(NOW.getTime() - h.setup.overlapDays * DAY_MS).toISOString();
    const old = await pickRow(db, -15, -10);
    await db.updateTable('appointments').set({ state: 'invoiced' }).where('start_utc', '<', overlapStart).where('id', '<>', old.id).execute();
    expect((await h.graphRequest('POST', `/appointments/${old.id}/cancel`, { cancellationMessage: 'Moved away' })).status).toBe(204);

    await syncAppointments(h.context(db));
    const rows = new Map((await allRows(db)).map((r) => [r.id, r]));
    expect(rows.get(old.id)?.state).toBe('cancelled');

    const second = await syncAppointments(h.context(db));
    const overlapIds = await graphIds(h, { start: new Date(overlapStart), end: new Date(NOW.getTime() + DAY_MS) });
    expect(second.unchanged).toBe(overlapIds.length);
  });

  it('cancels an appointment cancelled in Bookings, and brings a cancelled one that is still there back', async () => {
    const { db, h } = await backfilled();
    const gone = await pickRow(db, -2, 0);
    const back = await pickRow(db, -2, 0, [gone.id]);
    expect((await h.graphRequest('POST', `/appointments/${gone.id}/cancel`, { cancellationMessage: 'Sick' })).status).toBe(204);
    await db.updateTable('appointments').set({ state: 'cancelled' }).where('id', '=', back.id).execute();

    const report = await syncAppointments(h.context(db));

    const rows = new Map((await allRows(db)).map((r) => [r.id, r]));
    expect(rows.get(gone.id)?.state).toBe('cancelled');
    expect(rows.get(back.id)?.state).toBe('unbilled');
    expect(report.removed).toBe(1);
    expect(report.updated).toBe(1);
  });

  it('keeps a cancelled invoiced appointment invoiced and flags it for review', async () => {
    const { db, h } = await backfilled();
    const row = await pickRow(db, -2, 0);
    await db.updateTable('appointments').set({ state: 'invoiced', invoice_id: 'inv-1' }).where('id', '=', row.id).execute();
    await h.graphRequest('POST', `/appointments/${row.id}/cancel`, { cancellationMessage: 'Moved away' });

    await syncAppointments(h.context(db));

    const after = (await allRows(db)).find((r) => r.id === row.id)!;
    expect(after).toMatchObject({ state: 'invoiced', invoice_id: 'inv-1', review_reason: CANCELLED_AFTER_INVOICING, price_minor: row.price_minor });
  });

  it('moves a rescheduled appointment, also into another chunk, without cancelling it', async () => {
    const { db, h } = await backfilled();
    const near = await pickRow(db, -2, -1);
    const far = await pickRow(db, -2, -1, [near.id]);
    const shift = async (id: string, start: string, end: string, byMs: number) => {
      const body = { startDateTime: graphTime(new Date(Date.parse(start) + byMs)), endDateTime: graphTime(new Date(Date.parse(end) + byMs)) };
      expect((await h.graphRequest('PATCH', `/appointments/${id}`, body)).status).toBe(204);
    };
    await shift(near.id, near.start_utc, near.end_utc, 2 * 3_600_000);
    // One-day chunks: a day later is another chunk of the re-read window.
    await shift(far.id, far.start_utc, far.end_utc, DAY_MS);

    const report = await createAppointmentSync({ chunkDays: 1 })(h.context(db));

    const rows = new Map((await allRows(db)).map((r) => [r.id, r]));
    expect(rows.get(near.id)).toMatchObject({ state: 'unbilled', start_utc: new Date(Date.parse(near.start_utc) + 2 * 3_600_000).toISOString() });
    expect(rows.get(far.id)).toMatchObject({ state: 'unbilled', start_utc: new Date(Date.parse(far.start_utc) + DAY_MS).toISOString() });
    expect(report).toMatchObject({ updated: 2, removed: 0, added: 0 });
  });

  it('updates a changed price on an unbilled appointment and flags it on an invoiced one', async () => {
    const { db, h } = await backfilled();
    const unbilled = await pickRow(db, -2, 0);
    const invoiced = await pickRow(db, -2, 0, [unbilled.id]);
    await db.updateTable('appointments').set({ state: 'invoiced' }).where('id', '=', invoiced.id).execute();
    for (const id of [unbilled.id, invoiced.id]) {
      expect((await h.graphRequest('PATCH', `/appointments/${id}`, { price: 1234.5 })).status).toBe(204);
    }

    await syncAppointments(h.context(db));
    const second = await syncAppointments(h.context(db));

    const rows = new Map((await allRows(db)).map((r) => [r.id, r]));
    expect(rows.get(unbilled.id)).toMatchObject({ state: 'unbilled', price_minor: 123_450, review_reason: null });
    expect(rows.get(invoiced.id)).toMatchObject({
      state: 'invoiced',
      price_minor: invoiced.price_minor,
      review_reason: 'Changed in Bookings after invoicing: price',
    });
    // The flag is settled: the next run finds nothing new to write.
    expect(second.updated).toBe(0);
  });

  it('re-reads every older unbilled appointment by id within count / slice runs, noticing one cancelled long ago', async () => {
    const { db, h } = await backfilled();
    const windowStart = new Date(NOW.getTime() - h.setup.overlapDays * DAY_MS).toISOString();
    const older = (await allRows(db)).filter((r) => r.state === 'unbilled' && r.start_utc < windowStart);
    const cancelled = await pickRow(db, -18, -15);
    expect((await h.graphRequest('POST', `/appointments/${cancelled.id}/cancel`, { cancellationMessage: 'Long ago' })).status).toBe(204);

    const slice = 7;
    const runs = Math.ceil(older.length / slice);
    // What the runs read from Bookings, by calendar or by id (unchanged rows are not written, so they carry no trace of it).
    const looked = new Set<string>();
    const bookings = Object.create(h.bookings) as BookingsClient;
    bookings.getAppointmentsByIds = (businessId, appointmentIds) => {
      for (const id of appointmentIds) looked.add(id);
      return h.bookings.getAppointmentsByIds(businessId, appointmentIds);
    };
    bookings.calendarViewPages = async function* (businessId, start, end) {
      for await (const page of h.bookings.calendarViewPages(businessId, start, end)) {
        for (const a of page.appointments) looked.add(a.id);
        yield page;
      }
    };
    let removed = 0;
    for (let i = 0; i < runs; i++) removed += (await createAppointmentSync({ sweepPerRun: slice })(h.context(db, { bookings }))).removed;

    const after = new Map((await allRows(db)).map((r) => [r.id, r]));
    expect(removed).toBe(1);
    expect(after.get(cancelled.id)).toMatchObject({ state: 'cancelled' });
    expect(after.get(cancelled.id)?.cancelled_seen_at).not.toBeNull();
    const unseen = older.filter((r) => r.id !== cancelled.id && !looked.has(r.id));
    expect(unseen).toEqual([]);
  });

  it('re-reads the older unbilled span a slice per run by calendar, noticing a cancellation before the overlap within span ÷ slice runs', async () => {
    const { db, h } = await backfilled();
    const windowStart = new Date(NOW.getTime() - h.setup.overlapDays * DAY_MS).toISOString();
    const older = (await allRows(db)).filter((r) => r.start_utc < windowStart);
    // Just before the overlap: the last slice reaches it.
    const cancelled = await pickRow(db, -5, -4);
    expect((await h.graphRequest('POST', `/appointments/${cancelled.id}/cancel`, { cancellationMessage: 'A while ago' })).status).toBe(204);

    const perRun = 40;
    const looked = new Set<string>();
    const bookings = Object.create(h.bookings) as BookingsClient;
    bookings.calendarViewPages = async function* (businessId, start, end) {
      for await (const page of h.bookings.calendarViewPages(businessId, start, end)) {
        for (const a of page.appointments) looked.add(a.id);
        yield page;
      }
    };
    const run = () => createAppointmentSync({ backlogPerRun: perRun, sweepPerRun: 0 })(h.context(db, { bookings }));
    const state = async () => (await allRows(db)).find((r) => r.id === cancelled.id)?.state;

    const first = await run();
    // The first slice is the oldest appointments' span: about 40 of them, not the one cancelled.
    const firstLooked = older.filter((r) => looked.has(r.id)).length;
    expect(firstLooked).toBeGreaterThan(perRun / 2);
    expect(firstLooked).toBeLessThan(perRun * 2);
    expect(first.removed).toBe(0);
    expect(await state()).toBe('unbilled');
    expect((await readAppointmentCheckpoint(db, h.businessId.toLowerCase())).backlogFrom).not.toBeNull();

    let removed = 0;
    for (let i = 1; i < Math.ceil(older.length / perRun); i++) removed += (await run()).removed;
    expect(removed).toBe(1);
    expect(await state()).toBe('cancelled');
    expect(older.filter((r) => r.id !== cancelled.id && !looked.has(r.id))).toEqual([]);
  });

  it('asks Graph for the window plus one $batch per 4 ids older than the look-back, however many such unbilled appointments there are', async () => {
    const { db, h } = await backfilled();
    // A look-back of two days leaves most unbilled appointments beyond the calendar's reach: they are re-read by id.
    // No backlog slice, so that what is counted is the window and the ids.
    const shortLookBack = { ...h.setup, lookBackDays: 2 };
    const requests = async (sweepPerRun: number) => {
      const before = h.graph.stats().requestsServed;
      await createAppointmentSync({ sweepPerRun, backlogPerRun: 0 })(h.context(db, { setup: shortLookBack }));
      return h.graph.stats().requestsServed - before;
    };
    const windowOnly = await requests(0);
    // The business, and a few calendar pages of the overlap: nothing that grows with the look-back.
    expect(windowOnly).toBeLessThanOrEqual(5);
    expect(await requests(8)).toBe(windowOnly + 2);
    expect(await requests(9)).toBe(windowOnly + 3);
  });
});
