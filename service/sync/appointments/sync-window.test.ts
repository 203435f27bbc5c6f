import { emptyCheckpoint } from './appointment-checkpoint';
import { chunkDaysFor, planRun } from './run-plan';
import { appointmentWindow, splitWindow } from './sync-window';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-03-18T10:00:00.000Z');

describe('appointmentWindow', () => {
  it('reads the look-back on the first run, up to a day after the run started', () => {
    expect(appointmentWindow({ runStartedAt: NOW, syncedUntil: null, lookBackDays: 90, overlapDays: 3, oldestUnbilledStart: null })).toEqual({
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
      oldestUnbilledStart: null,
    });
    expect(window).toEqual({ start: at('2026-03-15T09:45:00.000Z'), end: at('2026-03-19T10:00:00.000Z') });
  });

  it('never reaches further back than the look-back after a long pause', () => {
    const window = appointmentWindow({
      runStartedAt: NOW,
      syncedUntil: at('2025-01-01T00:00:00.000Z'),
      lookBackDays: 30,
      overlapDays: 3,
      oldestUnbilledStart: null,
    });
    expect(window.start).toEqual(at('2026-02-16T10:00:00.000Z'));
  });

  it('reaches back to the oldest unbilled appointment, but not beyond the look-back and overlap', () => {
    const base = { runStartedAt: NOW, syncedUntil: at('2026-03-18T09:45:00.000Z'), lookBackDays: 90, overlapDays: 3 };
    expect(appointmentWindow({ ...base, oldestUnbilledStart: at('2026-02-01T08:00:00.000Z') }).start).toEqual(at('2026-02-01T08:00:00.000Z'));
    expect(appointmentWindow({ ...base, oldestUnbilledStart: at('2026-03-17T08:00:00.000Z') }).start).toEqual(at('2026-03-15T09:45:00.000Z'));
    expect(appointmentWindow({ ...base, oldestUnbilledStart: at('2025-06-01T08:00:00.000Z') }).start).toEqual(at('2025-12-15T10:00:00.000Z'));
    // An unbilled appointment the last run read just inside its look-back stays in reach a little later.
    expect(appointmentWindow({ ...base, oldestUnbilledStart: at('2025-12-17T08:00:00.000Z') }).start).toEqual(at('2025-12-17T08:00:00.000Z'));
  });

  it('keeps a non-empty window when the last run seems to lie in the future (clock skew)', () => {
    const window = appointmentWindow({
      runStartedAt: NOW,
      syncedUntil: at('2026-04-01T00:00:00.000Z'),
      lookBackDays: 30,
      overlapDays: 0,
      oldestUnbilledStart: null,
    });
    expect(window).toEqual({ start: NOW, end: at('2026-03-19T10:00:00.000Z') });
  });
});

describe('splitWindow', () => {
  it('cuts consecutive chunks from the start, the last one shorter', () => {
    const chunks = splitWindow({ start: at('2026-03-01T00:00:00Z'), end: at('2026-03-17T12:00:00Z') }, 7);
    expect(chunks.map((c) => [c.index, c.start.toISOString(), c.end.toISOString()])).toEqual([
      [0, '2026-03-01T00:00:00.000Z', '2026-03-08T00:00:00.000Z'],
      [1, '2026-03-08T00:00:00.000Z', '2026-03-15T00:00:00.000Z'],
      [2, '2026-03-15T00:00:00.000Z', '2026-03-17T12:00:00.000Z'],
    ]);
  });

  it('gives no chunk for an empty window and refuses a non-positive size', () => {
    expect(splitWindow({ start: NOW, end: NOW }, 7)).toEqual([]);
    expect(() => splitWindow({ start: NOW, end: at('2026-03-20T00:00:00Z') }, 0)).toThrow(RangeError);
  });
});

describe('planRun', () => {
  const input = { syncRunId: 'run-2', runStartedAt: NOW, lookBackDays: 10, overlapDays: 2, chunkDays: 3, oldestUnbilledStart: null };

  it('resumes the checkpointed window and chunks of the same run id', () => {
    const checkpoint = {
      ...emptyCheckpoint(),
      runId: 'run-2',
      windowStart: '2026-03-01T00:00:00.000Z',
      windowEnd: '2026-03-10T00:00:00.000Z',
      chunkDays: 4,
      chunksDone: [0, 2],
    };
    const plan = planRun(checkpoint, input);
    expect(plan.resumed).toBe(true);
    expect(plan.window).toEqual({ start: at('2026-03-01T00:00:00.000Z'), end: at('2026-03-10T00:00:00.000Z') });
    expect(plan.chunks).toHaveLength(3);
    expect([...plan.done]).toEqual([0, 2]);
  });

  it('starts a new window from the last completed run when another run id was in progress', () => {
    const checkpoint = {
      ...emptyCheckpoint(),
      syncedUntil: '2026-03-17T10:00:00.000Z',
      runId: 'run-1',
      windowStart: '2026-03-01T00:00:00.000Z',
      windowEnd: '2026-03-10T00:00:00.000Z',
      chunkDays: 4,
      chunksDone: [0],
    };
    const plan = planRun(checkpoint, input);
    expect(plan.resumed).toBe(false);
    expect(plan.window.start).toEqual(at('2026-03-15T10:00:00.000Z'));
    expect(plan.done.size).toBe(0);
    expect(plan.chunks).toHaveLength(2);
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
