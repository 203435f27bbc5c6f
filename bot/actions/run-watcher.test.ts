import type { RunResult } from '../../service/invoicing/run';
import { FakeTimers } from '../../service/jobs/testing/fake-timers';
import { silentLogger } from '../../service/logging/logger';
import { DEFAULT_TEST_NOW } from '../../service/testing/test-dates';
import { watchRun } from './run-watcher';

function run(state: RunResult['state'], created: number, finished = false): RunResult {
  return {
    id: 'run-1',
    state,
    finished,
    requestedBy: 'anna',
    source: 'bot',
    selection: { kind: 'filter' },
    retryOf: null,
    afterCreate: 'draft',
    progress: { planned: 10, created, failed: 0 },
    totals: [],
    invoices: [],
    skipped: [],
    counts: { appointments: 10, invoices: 10, customers: 10 },
    error: null,
    errorKind: null,
    createdAt: DEFAULT_TEST_NOW.toISOString(),
    finishedAt: null,
  };
}

/** A run whose state the test moves on, watched on fake time: every look and edit is counted. */
function watched(options: { pollMs: number; minEditIntervalMs: number; maxWatchMs?: number }) {
  const timers = new FakeTimers(DEFAULT_TEST_NOW);
  const controller = new AbortController();
  let current = run('creating', 0);
  let looks = 0;
  let fullReads = 0;
  const edits: string[] = [];
  const done = watchRun(
    'run-1',
    {
      getSummary: async () => {
        looks += 1;
        return { ...current, byStatus: {}, skippedCount: 0 };
      },
      getRun: async () => {
        fullReads += 1;
        return current;
      },
      render: (r) => ({ type: 'AdaptiveCard', version: '1.5', text: `${r.state}:${r.progress.created}` }),
      edit: async (card) => void edits.push(String(card['text'])),
      logger: silentLogger,
      signal: controller.signal,
      clock: () => timers.now(),
      waits: timers,
    },
    options,
  );
  return {
    timers,
    edits,
    done,
    looks: () => looks,
    fullReads: () => fullReads,
    set: (next: RunResult) => (current = next),
    stop: () => controller.abort(),
  };
}

describe('watchRun', () => {
  it('edits when the run starts, at most once per interval while it changes, and once at the end', async () => {
    const w = watched({ pollMs: 1_000, minEditIntervalMs: 10_000 });
    await w.timers.advance(0);
    expect(w.edits).toEqual(['creating:0']);

    // Progress every second: one edit per ten seconds, not one per change.
    for (let created = 1; created <= 9; created += 1) {
      w.set(run('creating', created));
      await w.timers.advance(1_000);
    }
    expect(w.edits).toEqual(['creating:0']);
    w.set(run('creating', 10));
    await w.timers.advance(1_000);
    expect(w.edits).toEqual(['creating:0', 'creating:10']);

    w.set(run('succeeded', 10, true));
    await w.timers.advance(1_000);
    await w.done;
    expect(w.edits).toEqual(['creating:0', 'creating:10', 'succeeded:10']);
    // Each second's look is at the summary; the invoices are read only for the three edits.
    expect(w.looks()).toBe(12);
    expect(w.fullReads()).toBe(3);
    expect(w.timers.size).toBe(0);
  });

  it('stops looking when stopped, and gives up on a run that outlives the longest watch', async () => {
    const stopped = watched({ pollMs: 1_000, minEditIntervalMs: 0 });
    await stopped.timers.advance(2_500);
    const looks = stopped.looks();
    stopped.stop();
    await stopped.done;
    await stopped.timers.advance(10_000);
    expect(stopped.looks()).toBe(looks);
    expect(stopped.timers.size).toBe(0);

    const endless = watched({ pollMs: 1_000, minEditIntervalMs: 0, maxWatchMs: 5_000 });
    await endless.timers.advance(6_000);
    await endless.done;
    expect(endless.looks()).toBe(5);
    expect(endless.timers.size).toBe(0);
  });
});
