import { describeEachStore } from '../../store/testing/test-stores';
import { startInvoiceKit, type InvoiceKit } from './testing/invoice-kit';
import type { RunResult } from './run-schemas';

const NOW = new Date('2026-11-25T10:00:00Z');
const FIXED = 'Fysioterapi, opfølgning';

/** Polls `read` until `done` holds; a bounded wait on a condition, not a fixed sleep. */
async function until(read: () => Promise<RunResult>, done: (r: RunResult) => boolean, tries = 400): Promise<RunResult> {
  for (let i = 0; i < tries; i++) {
    const r = await read();
    if (done(r)) return r;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return read();
}

describeEachStore('A live process takes over runs whose holder is gone', (_getStore, suite) => {
  const kits: InvoiceKit[] = [];
  afterAll(() => Promise.all(kits.map((k) => k.h.close())));

  it('a run left by a killed CLI is finished by a running app once its heartbeat is 30 s old, without a restart', async () => {
    const store = await suite.freshTarget().open();
    const k = await startInvoiceKit(store.db, { now: NOW });
    kits.push(k);
    const ids = (await k.ended(FIXED)).filter((a) => a.customer_count === 1 && a.customers_blocked === 0).slice(0, 3).map((a) => a.id);
    const app = k.runner();
    app.watchInterrupted(20);
    try {
      const cli = k.runner({
        failAt: (point) => {
          if (point === 'after-claim') throw new Error('kill -9');
        },
      });
      const runId = await cli.start({ kind: 'ids', appointmentIds: ids }, 'anna@contoso.com', 'cli');
      await expect(cli.wait(runId)).rejects.toThrow('after-claim');

      // The app's watch looks many times meanwhile; the CLI's heartbeat is fresh, so it leaves the run alone.
      const early = await until(() => app.getRun(runId), () => false, 20);
      expect(early.finished).toBe(false);

      k.clock.advance(31_000);
      const done = await until(() => app.getRun(runId), (r) => r.finished);
      expect(done.state).toBe('succeeded');
      expect(k.bcInvoices()).toHaveLength(done.invoices.length);
    } finally {
      app.stopWatching();
      await app.idle();
    }
  });
});
