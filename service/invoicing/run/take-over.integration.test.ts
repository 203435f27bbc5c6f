import { deferred } from '../../jobs/testing/fake-sync';
import { describeEachStore } from '../../store/testing/test-stores';
import { startInvoiceKit, type InvoiceKit } from './testing/invoice-kit';

const NOW = new Date('2026-11-25T10:00:00Z');
const FIXED = 'Fysioterapi, opfølgning';

describeEachStore('A live process takes over runs whose holder is gone', (_getStore, suite) => {
  const kits: InvoiceKit[] = [];
  afterAll(() => Promise.all(kits.map((k) => k.h.close())));

  it('a run left by a killed CLI is finished by a running app once its lease ran out (30 s), without a restart', async () => {
    const store = await suite.freshTarget().open();
    const k = await startInvoiceKit(store.db, { now: NOW });
    kits.push(k);
    const ids = (await k.ended(FIXED))
      .filter((a) => a.customer_count === 1 && a.customers_blocked === 0)
      .slice(0, 3)
      .map((a) => a.id);
    const app = k.runner();
    const cli = k.runner({
      failAt: (point) => {
        if (point === 'after-claim') throw new Error('kill -9');
      },
    });
    const runId = await cli.start({ kind: 'ids', appointmentIds: ids }, 'anna@contoso.com', 'cli');
    await expect(cli.wait(runId)).rejects.toThrow('after-claim');

    // The looks the app's watch takes on its interval: while the CLI's lease runs, it leaves the run alone.
    expect(await app.takeOverInterrupted()).toEqual([]);
    expect((await app.getRun(runId)).finished).toBe(false);

    k.clock.advance(31_000);
    expect(await app.takeOverInterrupted()).toEqual([runId]);
    const done = await app.wait(runId);
    expect(done.state).toBe('succeeded');
    expect(k.bcInvoices()).toHaveLength(done.invoices.length);
    await app.idle();
  });

  it('a holder that stalled past its lease while another process took the run over records nothing: its commits are refused', async () => {
    const store = await suite.freshTarget().open();
    const k = await startInvoiceKit(store.db, { now: NOW });
    kits.push(k);
    const ids = (await k.ended(FIXED))
      .filter((a) => a.customer_count === 1 && a.customers_blocked === 0)
      .slice(0, 3)
      .map((a) => a.id);
    // Holder a stalls between verifying and recording, and its heartbeat never comes in time.
    const aStalled = deferred();
    const aGoes = deferred();
    const a = k.runner({
      heartbeatMs: 3_600_000,
      failAt: async (point) => {
        if (point !== 'after-verify') return;
        aStalled.resolve();
        await aGoes.promise;
      },
    });
    const runId = await a.start({ kind: 'ids', appointmentIds: ids }, 'anna@contoso.com', 'cli');
    await aStalled.promise;

    // a's lease runs out and b takes the run over; b waits before it records.
    k.clock.advance(31_000);
    const bWaits = deferred();
    const bGoes = deferred();
    const b = k.runner({
      failAt: async (point) => {
        if (point !== 'after-customers') return;
        bWaits.resolve();
        await bGoes.promise;
      },
    });
    expect(await b.takeOverInterrupted()).toEqual([runId]);
    await bWaits.promise;

    aGoes.resolve();
    const stale = await a.wait(runId);
    // a's record and end were refused: the appointments are still the run's, its lines planned, nothing audited.
    expect(stale.finished).toBe(false);
    const mine = (await k.appointments()).filter((r) => ids.includes(r.id));
    expect(mine.map((r) => [r.state, r.claimed_by_run])).toEqual(ids.map(() => ['claimed', runId]));
    const audited = () => k.db.selectFrom('audit_log').select('subject').where('action', '=', 'invoice.run').where('subject', '=', runId).execute();
    expect(await audited()).toEqual([]);

    bGoes.resolve();
    const done = await b.wait(runId);
    expect(done.state).toBe('succeeded');
    expect(done.invoices.flatMap((i) => i.appointmentIds).sort()).toEqual([...ids].sort());
    expect(k.bcInvoices()).toHaveLength(done.invoices.length);
    expect(await audited()).toHaveLength(1);
  });

  it('the watch takes a look every interval until it is stopped', async () => {
    const store = await suite.freshTarget().open();
    const k = await startInvoiceKit(store.db, { now: NOW });
    kits.push(k);
    const app = k.runner();
    const looks = jest.spyOn(app, 'takeOverInterrupted').mockResolvedValue([]);
    jest.useFakeTimers();
    try {
      app.watchInterrupted(15_000);
      jest.advanceTimersByTime(45_000);
      expect(looks).toHaveBeenCalledTimes(3);
      app.stopWatching();
      jest.advanceTimersByTime(45_000);
      expect(looks).toHaveBeenCalledTimes(3);
    } finally {
      jest.useRealTimers();
    }
  });
});
