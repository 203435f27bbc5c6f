import type { BookingAppointment } from '../../../sandbox/graph';
import { describeEachStore } from '../../store/testing/test-stores';
import { startSyncHarness, type SyncHarness, type SyncHarnessOptions } from '../testing/sync-harness';
import { readAppointmentCheckpoint } from './appointment-checkpoint';
import { createAppointmentSync, syncAppointments } from './sync-appointments';
import { allRows, comparableRows, firstWindow, graphIds, NOW } from './test-support';

const LONG_NAME = `${'Å'.repeat(5_000)}<b>x</b>\u0000${'n'.repeat(4_990)}`;

/** Copies of a real appointment, each broken in one way. */
function addMalformed(appointments: BookingAppointment[]): Record<string, string> {
  const template = appointments.find((a) => a.customers.length > 0 && Date.parse(`${a.startDateTime.dateTime}Z`) < NOW.getTime())!;
  const copy = (id: string, edit: (a: BookingAppointment) => void) => {
    const a = structuredClone(template);
    a.id = id;
    edit(a);
    appointments.push(a);
    return id;
  };
  const endBeforeStart = structuredClone(template.startDateTime);
  return {
    missingService: copy('bad-missing-service', (a) => Reflect.deleteProperty(a, 'serviceId')),
    endBeforeStart: copy('bad-end-before-start', (a) => {
      a.endDateTime = { ...endBeforeStart, dateTime: `${endBeforeStart.dateTime.slice(0, 11)}00:00:00.0000000` };
    }),
    negativePrice: copy('bad-negative-price', (a) => (a.price = -100)),
    unknownPriceType: copy('odd-price-type', (a) => Reflect.set(a, 'priceType', 'pricePerPerson')),
    longName: copy('odd-long-name', (a) => (a.customers[0]!.name = LONG_NAME)),
  };
}

describeEachStore('syncAppointments when Graph misbehaves', (_getStore, suite) => {
  const harnesses: SyncHarness[] = [];
  afterAll(() => Promise.all(harnesses.map((h) => h.close())));

  const scenario = async (options: SyncHarnessOptions = {}) => {
    const store = await suite.freshTarget().open();
    const h = await startSyncHarness({ now: NOW, ...options });
    harnesses.push(h);
    return { db: store.db, h };
  };

  let reference: Awaited<ReturnType<typeof comparableRows>>;
  beforeAll(async () => {
    const { db, h } = await scenario();
    await syncAppointments(h.context(db));
    reference = await comparableRows(db);
  });

  it('reads the customers a list left out through $batch, at most 4 requests per mailbox at once', async () => {
    const { db, h } = await scenario({ graphSettings: { emptyCustomersRate: 1 } });
    await syncAppointments(h.context(db));

    expect(await comparableRows(db)).toEqual(reference);
    const stats = h.graph.stats();
    expect(stats.batchItemsServed).toBeGreaterThanOrEqual(reference.length);
    expect(stats.throttled).toBe(0);
    expect(Math.max(...Object.values(stats.maxConcurrencyByMailbox))).toBeLessThanOrEqual(4);
  });

  it('refuses malformed records into sync_rejects, stores odd ones safely and completes the run', async () => {
    let ids: Record<string, string> = {};
    const { db, h } = await scenario({ editSeed: (data) => (ids = addMalformed(data.bookings.businesses[0]!.appointments)) });
    const report = await syncAppointments(h.context(db));

    const rejects = await db.selectFrom('sync_rejects').selectAll().orderBy('record_id').execute();
    expect(rejects.map((r) => r.record_id)).toEqual([ids.endBeforeStart, ids.missingService, ids.negativePrice]);
    expect(rejects.every((r) => r.entity === 'bookingAppointment' && r.reason.length > 0)).toBe(true);
    expect(report.rejected).toBe(3);

    const rows = new Map((await allRows(db)).map((r) => [r.id, r]));
    expect(rows.size).toBe(reference.length + 2);
    expect(rows.get(ids.unknownPriceType!)?.price_type).toBe('unknownFutureValue');
    const stored = JSON.parse(rows.get(ids.longName!)!.customers)[0].name as string;
    expect(stored).toBe(LONG_NAME.replace('\u0000', ''));
  });

  it('ends with the same rows under 20% injected faults', async () => {
    // Small pages and some $batch reads; every fifth request or $batch item fails (the first two in a row), on schedule.
    const { db, h } = await scenario({ graphSettings: { pageSize: 5, emptyCustomersRate: 0.3 } });
    h.graph.update({ faultSchedule: { onRequests: [1, 2, ...Array.from({ length: 60 }, (_, i) => 5 * (i + 2))] } });
    await syncAppointments(h.context(db));

    expect(h.graph.stats().faultsInjected).toBeGreaterThan(0);
    expect(await comparableRows(db)).toEqual(reference);
  });

  it('resumes a run aborted after its first chunk with the same run id and ends with the same rows', async () => {
    const { db, h } = await scenario();
    const sync = createAppointmentSync({ chunkDays: 2 });
    const controller = new AbortController();
    const first = h.context(db, {
      signal: controller.signal,
      progress: ({ done }) => {
        if (done >= 1) controller.abort();
      },
    });

    await expect(sync(first)).rejects.toThrow();
    const checkpoint = await readAppointmentCheckpoint(db, first.businessId);
    expect(checkpoint.runId).toBe(first.syncRunId);
    expect(checkpoint.chunksDone).toHaveLength(1);
    expect((await allRows(db)).length).toBeLessThan(reference.length);

    const report = await sync({ ...first, signal: new AbortController().signal, progress: () => undefined });
    expect(await comparableRows(db)).toEqual(reference);
    expect(report.removed).toBe(0);
    expect((await readAppointmentCheckpoint(db, first.businessId)).syncedUntil).toBe(NOW.toISOString());
  });

  it('resumes a run killed mid-way (its progress callback throws) and ends with the same rows', async () => {
    const { db, h } = await scenario();
    const sync = createAppointmentSync({ chunkDays: 2, concurrency: 2 });
    const first = h.context(db, {
      progress: ({ done }) => {
        if (done >= 3) throw new Error('killed');
      },
    });

    await expect(sync(first)).rejects.toThrow('killed');
    expect((await readAppointmentCheckpoint(db, first.businessId)).chunksDone).toHaveLength(3);

    await sync({ ...first, progress: () => undefined });
    expect(await comparableRows(db)).toEqual(reference);
    expect((await allRows(db)).map((r) => r.id)).toEqual(await graphIds(h, firstWindow(h)));
  });
});
