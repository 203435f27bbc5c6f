import { until } from '../testing/until';
import { LeaseLostError, LeaseStore } from '../store';
import { describeEachStore } from '../store/testing/test-stores';
import { IntervalScheduler, type ScheduledTask } from './scheduler';
import { FakeTimers } from './testing/fake-timers';

const MINUTE = 60_000;

describeEachStore('IntervalScheduler', (getStore) => {
  let timers: FakeTimers;
  let schedulers: IntervalScheduler[];

  beforeEach(() => {
    timers = new FakeTimers();
    schedulers = [];
  });
  afterEach(async () => {
    await Promise.all(schedulers.map((s) => s.stop()));
    await getStore().db.deleteFrom('leases').execute();
  });

  const scheduler = (holder: string) => {
    const s = new IntervalScheduler({ db: getStore().db, timers, holder });
    schedulers.push(s);
    return s;
  };
  const step = (ms: number) => timers.advance(ms, () => Promise.all(schedulers.map((s) => s.whenIdle())));
  const task = (runs: string[], who: string, interval: { ms: number }, run?: () => Promise<void>): ScheduledTask => ({
    name: 'sync:b',
    leaseName: 'schedule:sync:b',
    intervalMs: () => interval.ms,
    run: async () => {
      runs.push(`${who}@${timers.now().toISOString()}`);
      await run?.();
    },
  });

  it('runs a task every interval, reading the interval again before each wait', async () => {
    const runs: string[] = [];
    const interval = { ms: 15 * MINUTE };
    scheduler('a').add(task(runs, 'a', interval));
    await step(15 * MINUTE - 1);
    expect(runs).toEqual([]);
    await step(1);
    await step(15 * MINUTE);
    expect(runs).toEqual(['a@2026-11-02T08:15:00.000Z', 'a@2026-11-02T08:30:00.000Z']);
    interval.ms = 5 * MINUTE;
    await step(15 * MINUTE);
    await step(5 * MINUTE);
    expect(runs.slice(2)).toEqual(['a@2026-11-02T08:45:00.000Z', 'a@2026-11-02T08:50:00.000Z']);
  });

  it('lets only the lease holder run it when several processes schedule the same task', async () => {
    const runs: string[] = [];
    const interval = { ms: 10 * MINUTE };
    scheduler('a').add(task(runs, 'a', interval));
    scheduler('b').add(task(runs, 'b', interval), 10 * MINUTE + 1);
    for (let i = 0; i < 4; i += 1) await step(10 * MINUTE);
    expect(runs).toHaveLength(4);
    expect(runs.every((r) => r.startsWith('a@'))).toBe(true);
  });

  it('hands the task to another process once the holder stopped and its lease expired', async () => {
    const runs: string[] = [];
    const interval = { ms: 10 * MINUTE };
    const a = scheduler('a');
    a.add(task(runs, 'a', interval));
    scheduler('b').add(task(runs, 'b', interval), 10 * MINUTE + 1);
    await step(10 * MINUTE + 1);
    await a.stop();
    for (let i = 0; i < 3; i += 1) await step(10 * MINUTE);
    expect(runs[0]).toMatch(/^a@/);
    expect(runs.slice(1)).toEqual(['b@2026-11-02T08:30:00.001Z', 'b@2026-11-02T08:40:00.001Z']);
    expect(await new LeaseStore(getStore().db, () => timers.now()).holderOf('schedule:sync:b')).toBe('b');
  });

  it('keeps the schedule going after a failed run', async () => {
    const runs: string[] = [];
    let fail = true;
    scheduler('a').add(
      task(runs, 'a', { ms: MINUTE }, async () => {
        if (fail) {
          fail = false;
          throw new Error('Bookings is down');
        }
      }),
    );
    await step(MINUTE);
    await step(MINUTE);
    expect(runs).toHaveLength(2);
  });

  it('cancels its waits and aborts a running task when stopped', async () => {
    let signal: AbortSignal | undefined;
    const s = scheduler('a');
    s.add({
      name: 'summary',
      leaseName: 'schedule:summary',
      intervalMs: () => MINUTE,
      run: (sig) => {
        signal = sig;
        return new Promise<void>((resolve) => sig.addEventListener('abort', () => resolve(), { once: true }));
      },
    });
    await timers.advance(MINUTE);
    await until(() => signal !== undefined, 'the task started');
    await s.stop();
    expect(signal?.aborted).toBe(true);
    expect(timers.size).toBe(0);
  });

  it('refuses the commit of a tick that stalled past its lease once another process took the task', async () => {
    const interval = { ms: 10 * MINUTE };
    let releaseA!: () => void;
    const stalled = new Promise<void>((resolve) => (releaseA = resolve));
    let aStarted = false;
    const outcomes: string[] = [];
    const fencedTask = (who: string, stall?: Promise<void>): ScheduledTask => ({
      name: 'summary:b',
      leaseName: 'schedule:summary:b',
      intervalMs: () => interval.ms,
      run: async (_signal, asHolder) => {
        if (stall) {
          aStarted = true;
          await stall;
        }
        try {
          await asHolder(async (trx) => {
            await trx
              .insertInto('audit_log')
              .values({ at: timers.now().toISOString(), actor: who, source: 'test', action: `tick.${who}`, subject: null, details: null })
              .execute();
          });
          outcomes.push(`${who} committed`);
        } catch (err) {
          outcomes.push(`${who} refused: ${err instanceof LeaseLostError ? 'lease lost' : String(err)}`);
        }
      },
    });
    const a = scheduler('a');
    a.add(fencedTask('a', stalled), interval.ms);
    // b's first ticks meet a's lease (it lives 1.5 intervals); the one at 30 min finds it expired.
    scheduler('b').add(fencedTask('b'), interval.ms + 1);
    await timers.advance(interval.ms);
    await until(() => aStarted, 'a took the lease and stalled');
    for (let i = 0; i < 2; i += 1) await timers.advance(interval.ms, () => Promise.all(schedulers.slice(1).map((s) => s.whenIdle())));
    await timers.advance(1, () => Promise.all(schedulers.slice(1).map((s) => s.whenIdle())));
    await until(() => outcomes.includes('b committed'), 'b took the expired lease and committed');

    releaseA();
    await a.whenIdle();
    expect(outcomes).toEqual(['b committed', 'a refused: lease lost']);
    const ticks = await getStore().db.selectFrom('audit_log').select('action').where('action', 'like', 'tick.%').execute();
    expect(ticks.map((t) => t.action)).toEqual(['tick.b']);
  });
});
