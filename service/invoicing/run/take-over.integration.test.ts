import { describeEachStore } from '../../store/testing/test-stores';
import { startInvoiceKit, type InvoiceKit } from './testing/invoice-kit';

const NOW = new Date('2026-11-25T10:00:00Z');
const FIXED = 'Fysioterapi, opfølgning';

describeEachStore('A live process takes over runs whose holder is gone', (_getStore, suite) => {
  const kits: InvoiceKit[] = [];
  afterAll(() => Promise.all(kits.map((k) => k.h.close())));

  it('a run left by a killed CLI is finished by a running app once its heartbeat is 30 s old, without a restart', async () => {
    const store = await suite.freshTarget().open();
    const k = await startInvoiceKit(store.db, { now: NOW });
    kits.push(k);
    const ids = (await k.ended(FIXED)).filter((a) => a.customer_count === 1 && a.customers_blocked === 0).slice(0, 3).map((a) => a.id);
    const app = k.runner();
    const cli = k.runner({
      failAt: (point) => {
        if (point === 'after-claim') throw new Error('kill -9');
      },
    });
    const runId = await cli.start({ kind: 'ids', appointmentIds: ids }, 'anna@contoso.com', 'cli');
    await expect(cli.wait(runId)).rejects.toThrow('after-claim');

    // The looks the app's watch takes on its interval: while the CLI's heartbeat is fresh, it leaves the run alone.
    expect(await app.takeOverInterrupted()).toEqual([]);
    expect((await app.getRun(runId)).finished).toBe(false);

    k.clock.advance(31_000);
    expect(await app.takeOverInterrupted()).toEqual([runId]);
    const done = await app.wait(runId);
    expect(done.state).toBe('succeeded');
    expect(k.bcInvoices()).toHaveLength(done.invoices.length);
    await app.idle();
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
