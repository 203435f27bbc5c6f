import { FakeApi, fakeRow, fakeSyncRun } from '../../http/testing/fake-api';
import { ApiError } from '../../http/api-error';
import { SyncWatch, type SyncWatchState, syncPercent } from './sync-watch';

function watching(api: FakeApi, recheckMs = 1) {
  const states: SyncWatchState[] = [];
  const synced: string[] = [];
  const watch = new SyncWatch({ api, pollMs: 1, recheckMs, onChange: (s) => states.push(s), onSynced: (run) => synced.push(`${run.id}:${run.state}`) });
  return { watch, states, synced, phases: () => states.map((s) => (s.phase === 'active' || s.phase === 'ended' ? `${s.phase}:${s.run.state}` : s.phase)) };
}

/** Runs the watch's polls on fake time until none is left, then its promise ends. */
async function finish(watched: Promise<void>): Promise<void> {
  await jest.runAllTimersAsync();
  await watched;
}

// The watch's waits are on jest's fake timers: each test moves time itself, so load cannot reorder its steps.
beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('SyncWatch', () => {
  it('follows the sync the scheduler queued until it succeeds, then reports it once', async () => {
    const api = new FakeApi([]);
    api.syncHistory = [];
    api.syncPollsBeforeDone = 3;
    api.syncedRows = [fakeRow(0)];
    api.beginSync();
    const w = watching(api);
    await finish(w.watch.start());
    expect(w.phases()).toEqual(['checking', 'active:queued', 'active:running', 'active:running', 'active:running', 'ended:succeeded']);
    expect(w.synced).toEqual(['sync-0:succeeded']);
    expect(api.rows.map((r) => r.id)).toEqual(['appt-0']);
  });

  it('does not report a sync that had ended before the page looked', async () => {
    const api = new FakeApi([]);
    const spy = jest.spyOn(api, 'syncRun');
    const w = watching(api);
    await finish(w.watch.start());
    expect(w.phases()).toEqual(['checking', 'ended:succeeded']);
    expect(w.synced).toEqual([]);
    expect(spy).not.toHaveBeenCalled();
  });

  it('says when no sync has run, starts one on request and follows it', async () => {
    const api = new FakeApi([]);
    api.syncHistory = [];
    const w = watching(api, 60_000);
    void w.watch.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(w.phases()).toEqual(['checking', 'never']);
    await finish(w.watch.syncNow());
    expect(w.phases().slice(2)).toEqual(['starting', 'active:running', 'ended:succeeded']);
    expect(api.syncStarts).toEqual(['sync-0']);
    expect(w.synced).toEqual(['sync-0:succeeded']);
  });

  it('notices a sync that starts after it found none', async () => {
    const api = new FakeApi([]);
    api.syncHistory = [];
    const w = watching(api, 2);
    const watched = w.watch.start();
    await jest.advanceTimersByTimeAsync(5);
    expect(w.phases()).toEqual(['checking', 'never', 'never', 'never']);
    api.beginSync();
    await finish(watched);
    expect(w.phases().at(-1)).toBe('ended:succeeded');
    expect(w.synced).toEqual(['sync-0:succeeded']);
    expect(api.syncStarts).toEqual([]);
  });

  it('reports a failed sync with its error', async () => {
    const api = new FakeApi([]);
    api.syncFailure = 'graph-unauthorised';
    api.beginSync();
    const w = watching(api);
    await finish(w.watch.start());
    const last = w.states.at(-1);
    expect(last?.phase === 'ended' && last.run.errorKind).toBe('graph-unauthorised');
    expect(w.synced).toEqual(['sync-1:failed']);
  });

  it('stops polling when stopped, without reporting an end', async () => {
    const api = new FakeApi([]);
    api.syncPollsBeforeDone = 1_000;
    api.beginSync();
    const spy = jest.spyOn(api, 'syncRun');
    const w = watching(api);
    void w.watch.start();
    await jest.advanceTimersByTimeAsync(10);
    const calls = spy.mock.calls.length;
    expect(calls).toBeGreaterThan(5);
    w.watch.stop();
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(spy.mock.calls.length).toBe(calls);
    expect(w.synced).toEqual([]);
    expect(w.phases().at(-1)).toBe('active:running');
  });

  it('shows a refused start as an error', async () => {
    const api = new FakeApi([]);
    jest.spyOn(api, 'startSync').mockRejectedValue(new ApiError('forbidden', 'Only invoicers can sync', 403));
    const w = watching(api);
    await w.watch.syncNow();
    const last = w.states.at(-1);
    expect(last?.phase === 'error' && last.error.message).toBe('Only invoicers can sync');
  });

  it('turns progress into a percentage, or null while the size is unknown', () => {
    expect(syncPercent(fakeSyncRun('s', { progress: { done: 2, total: 5 } }))).toBe(40);
    expect(syncPercent(fakeSyncRun('s', { progress: { done: 0, total: 0 } }))).toBeNull();
    expect(syncPercent(fakeSyncRun('s', { progress: { done: 7, total: 5 } }))).toBe(100);
  });
});
