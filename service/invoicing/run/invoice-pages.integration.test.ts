import { describeEachStore } from '../../store/testing/test-stores';
import { forEachInvoicePage } from './invoice-pages';
import { startInvoiceKit, type InvoiceKit } from './testing/invoice-kit';

/** A promise and the hands that settle it: each page's work ends when the test says so. */
function deferred() {
  let resolve = () => undefined as void;
  let reject = (_: Error) => undefined as void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback and the pass's setImmediate run. */
const settle = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

describeEachStore('forEachInvoicePage: two pages at once', (getStore) => {
  let runId: string;
  let positions: number[];
  let kit: InvoiceKit | undefined;
  afterAll(() => kit?.h.close());
  beforeAll(async () => {
    const k = (kit = await startInvoiceKit(getStore().db));
    const appointmentIds = (await k.appointments()).filter((a) => a.state === 'unbilled' && Date.parse(a.end_utc) < k.clock.now().getTime()).map((a) => a.id);
    const run = await k.runner().run({ kind: 'ids', appointmentIds }, 'anna@contoso.com', 'tab');
    runId = run.id;
    const rows = await getStore()
      .db.selectFrom('invoices')
      .select('position')
      .where('run_id', '=', runId)
      .where('status', '=', 'verified')
      .orderBy('position')
      .execute();
    positions = rows.map((r) => r.position);
    expect(positions.length).toBeGreaterThanOrEqual(6);
  });

  /** Each page's work, ended when the test says so; what happened, in order. */
  function pages() {
    const events: string[] = [];
    const ends: ReturnType<typeof deferred>[] = [];
    const begun: Array<() => void> = [];
    const work = () => {
      const n = ends.length + 1;
      events.push(`begin ${n}`);
      const end = deferred();
      ends.push(end);
      begun.splice(0).forEach((wake) => wake());
      return end.promise.then(
        () => void events.push(`end ${n}`),
        (err: Error) => {
          events.push(`fail ${n}`);
          throw err;
        },
      );
    };
    /** Resolves once `n` pages' work has begun. */
    const untilBegun = async (n: number) => {
      while (ends.length < n) await new Promise<void>((wake) => begun.push(wake));
    };
    return { events, ends, work, untilBegun };
  }

  it("begins a page's work while the page before it still works, never a third at once, in the run's order", async () => {
    const p = pages();
    const seen: number[] = [];
    const pass = forEachInvoicePage({ db: getStore().db, runId, chunkSize: 2 }, { status: 'verified' }, (page) => {
      seen.push(...page.map((i) => i.position));
      return p.work();
    });
    await p.untilBegun(2);
    p.ends[1]!.resolve();
    await settle();
    p.ends[0]!.resolve();
    // Every later page ends as soon as it begins.
    for (let n = 3; n <= Math.ceil(positions.length / 2); n++) {
      await p.untilBegun(n);
      p.ends[n - 1]!.resolve();
    }
    await pass;
    expect(seen).toEqual(positions);
    // The second began before the first ended; the third only after it, though the second had ended before.
    expect(p.events.slice(0, 5)).toEqual(['begin 1', 'begin 2', 'end 2', 'end 1', 'begin 3']);
    let working = 0;
    for (const event of p.events) {
      working += event.startsWith('begin') ? 1 : -1;
      expect(working).toBeLessThanOrEqual(2);
    }
  });

  it("ends with a page's failure only once the other page's work has ended, and begins no page after it", async () => {
    const p = pages();
    const pass = forEachInvoicePage({ db: getStore().db, runId, chunkSize: 2 }, { status: 'verified' }, p.work).then(
      () => void p.events.push('pass ended'),
      (err: Error) => void p.events.push(`pass failed: ${err.message}`),
    );
    await p.untilBegun(2);
    p.ends[0]!.reject(new Error('Business Central refused page 1'));
    await settle();
    await settle();
    p.ends[1]!.resolve();
    await pass;
    expect(p.events).toEqual(['begin 1', 'begin 2', 'fail 1', 'end 2', 'pass failed: Business Central refused page 1']);
  });
});
