import { emptyCheckpoint } from './appointment-checkpoint';
import { chunkDaysFor, inProgressCheckpoint, newPlan, nextBacklogFrom, resumedPlan } from './run-plan';
import { appointmentWindow, backlogRegion, calendarFloor, splitWindow } from './sync-window';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-03-18T10:00:00.000Z');

describe('appointmentWindow', () => {
  it('reads the look-back on the first run, up to a day after the run started', () => {
    expect(appointmentWindow({ runStartedAt: NOW, syncedUntil: null, lookBackDays: 90, overlapDays: 3 })).toEqual({
      start: at('2025-12-18T10:00:00.000Z'),
      end: at('2026-03-19T10:00:00.000Z'),
    });
  });

  it('starts later runs at the last run minus the overlap', () => {
    const window = appointmentWindow({
      runStartedAt: NOW,
      syncedUntil: at('2026-03-18T09:45:00.000Z'),
      lookBackDays: 90,
      overlapDays: 3,
    });
    expect(window).toEqual({ start: at('2026-03-15T09:45:00.000Z'), end: at('2026-03-19T10:00:00.000Z') });
  });

  it('never reaches further back than the look-back after a long pause', () => {
    const window = appointmentWindow({
      runStartedAt: NOW,
      syncedUntil: at('2025-01-01T00:00:00.000Z'),
      lookBackDays: 30,
      overlapDays: 3,
    });
    expect(window.start).toEqual(at('2026-02-16T10:00:00.000Z'));
  });

  it('no longer reaches back to the oldest unbilled appointment: that span is the backlog', () => {
    const window = appointmentWindow({ runStartedAt: NOW, syncedUntil: at('2026-03-18T09:45:00.000Z'), lookBackDays: 90, overlapDays: 3 });
    expect(window.start).toEqual(at('2026-03-15T09:45:00.000Z'));
  });

  it('keeps a non-empty window when the last run seems to lie in the future (clock skew)', () => {
    const window = appointmentWindow({
      runStartedAt: NOW,
      syncedUntil: at('2026-04-01T00:00:00.000Z'),
      lookBackDays: 30,
      overlapDays: 0,
    });
    expect(window).toEqual({ start: NOW, end: at('2026-03-19T10:00:00.000Z') });
  });
});

describe('backlogRegion', () => {
  const window = { start: at('2026-03-15T09:45:00.000Z'), end: at('2026-03-19T10:00:00.000Z') };
  const floor = calendarFloor({ runStartedAt: NOW, lookBackDays: 90, overlapDays: 3 });

  it('spans from the oldest unbilled appointment to the window, but not beyond the look-back and overlap', () => {
    expect(floor).toEqual(at('2025-12-15T10:00:00.000Z'));
    expect(backlogRegion({ window, floor, oldestUnbilledStart: at('2026-02-01T08:00:00.000Z') })).toEqual({
      start: at('2026-02-01T08:00:00.000Z'),
      end: window.start,
    });
    expect(backlogRegion({ window, floor, oldestUnbilledStart: at('2025-06-01T08:00:00.000Z') })).toEqual({ start: floor, end: window.start });
    // An unbilled appointment the last run read just inside its look-back stays in reach a little later.
    expect(backlogRegion({ window, floor, oldestUnbilledStart: at('2025-12-17T08:00:00.000Z') })?.start).toEqual(at('2025-12-17T08:00:00.000Z'));
  });

  it('is empty when nothing unbilled starts before the window', () => {
    expect(backlogRegion({ window, floor, oldestUnbilledStart: null })).toBeNull();
    expect(backlogRegion({ window, floor, oldestUnbilledStart: at('2026-03-17T08:00:00.000Z') })).toBeNull();
  });
});

describe('splitWindow', () => {
  it('cuts consecutive chunks from the start, the last one shorter', () => {
    const chunks = splitWindow({ start: at('2026-03-01T00:00:00Z'), end: at('2026-03-17T12:00:00Z') }, 7);
    expect(chunks.map((c) => [c.index, c.start.toISOString(), c.end.toISOString(), c.takesOverlapping])).toEqual([
      [0, '2026-03-01T00:00:00.000Z', '2026-03-08T00:00:00.000Z', true],
      [1, '2026-03-08T00:00:00.000Z', '2026-03-15T00:00:00.000Z', false],
      [2, '2026-03-15T00:00:00.000Z', '2026-03-17T12:00:00.000Z', false],
    ]);
  });

  it('numbers from a given index and leaves overlapping appointments to another span when asked', () => {
    const chunks = splitWindow({ start: at('2026-03-01T00:00:00Z'), end: at('2026-03-10T00:00:00Z') }, 7, { firstIndex: 3, takesOverlapping: false });
    expect(chunks.map((c) => [c.index, c.takesOverlapping])).toEqual([
      [3, false],
      [4, false],
    ]);
  });

  it('gives no chunk for an empty window and refuses a non-positive size', () => {
    expect(splitWindow({ start: NOW, end: NOW }, 7)).toEqual([]);
    expect(() => splitWindow({ start: NOW, end: at('2026-03-20T00:00:00Z') }, 0)).toThrow(RangeError);
  });
});

describe('run plans', () => {
  const window = { start: at('2026-03-15T10:00:00.000Z'), end: at('2026-03-19T10:00:00.000Z') };
  const backlog = { start: at('2026-01-01T00:00:00.000Z'), end: at('2026-01-15T00:00:00.000Z') };

  it('reads the backlog slice first, then the window, numbered in that order, only the window taking overlapping appointments', () => {
    const plan = newPlan({ window, backlog, chunkDays: 7 });
    expect(plan.chunks.map((c) => [c.index, c.start.toISOString(), c.takesOverlapping])).toEqual([
      [0, '2026-01-01T00:00:00.000Z', false],
      [1, '2026-01-08T00:00:00.000Z', false],
      [2, '2026-03-15T10:00:00.000Z', true],
    ]);
    expect(nextBacklogFrom(plan)).toBe('2026-01-15T00:00:00.000Z');
    expect(nextBacklogFrom(newPlan({ window, backlog: { start: backlog.start, end: window.start }, chunkDays: 7 }))).toBeNull();
    expect(nextBacklogFrom(newPlan({ window, backlog: null, chunkDays: 7 }))).toBeNull();
  });

  it('resumes the checkpointed window, backlog and chunks of the same run id, and nothing of another', () => {
    const plan = newPlan({ window, backlog, chunkDays: 7, readers: 4 });
    plan.done.add(0).add(5);
    plan.missing.add('gone-1');
    const previous = { ...emptyCheckpoint(), syncedUntil: '2026-03-17T10:00:00.000Z', backlogFrom: '2026-01-01T00:00:00.000Z' };
    const checkpoint = inProgressCheckpoint(previous, 'run-2', plan);
    expect(checkpoint.backlogFrom).toBe('2026-01-01T00:00:00.000Z');

    const resumed = resumedPlan(checkpoint, 'run-2');
    expect(resumed).toMatchObject({ resumed: true, window, backlog: plan.backlog });
    expect(resumed?.chunks).toEqual(plan.chunks);
    expect([...resumed!.done]).toEqual([0, 5]);
    expect([...resumed!.missing]).toEqual(['gone-1']);
    expect(resumedPlan(checkpoint, 'run-3')).toBeNull();
  });

  it('resumes a checkpoint written before the backlog as a window alone', () => {
    const checkpoint = {
      ...emptyCheckpoint(),
      runId: 'run-2',
      windowStart: '2026-03-01T00:00:00.000Z',
      windowEnd: '2026-03-10T00:00:00.000Z',
      chunkDays: 4,
      chunksDone: [0, 2],
    };
    const plan = resumedPlan(checkpoint, 'run-2');
    expect(plan?.backlog).toBeNull();
    expect(plan?.chunks.map((c) => [c.index, c.takesOverlapping])).toEqual([
      [0, true],
      [1, false],
      [2, false],
    ]);
  });
});

describe('chunkDaysFor', () => {
  const span = (hours: number) => ({ start: NOW, end: new Date(NOW.getTime() + hours * 3_600_000) });

  it('keeps the configured chunk for a window long enough to give every reader one', () => {
    expect(chunkDaysFor(span(365 * 24), 7, 4)).toBe(7);
    expect(chunkDaysFor(span(28 * 24), 7, 4)).toBe(7);
  });

  it('cuts a short window into at least one chunk per reader, to the whole hour', () => {
    expect(chunkDaysFor(span(4 * 24 + 1), 7, 4)).toBe(25 / 24);
    expect(splitWindow(span(4 * 24 + 1), chunkDaysFor(span(4 * 24 + 1), 7, 4))).toHaveLength(4);
    expect(chunkDaysFor(span(2), 7, 4)).toBe(1 / 24);
  });

  it('leaves the chunk as given without readers', () => {
    expect(chunkDaysFor(span(24), 7, undefined)).toBe(7);
    expect(chunkDaysFor(span(24), 7, 1)).toBe(7);
  });
});
