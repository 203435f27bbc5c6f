import { SYNC_RUN_STATES, canTransition, isFinished, statesBefore } from './sync-run-state';

describe('sync run transitions', () => {
  it('never leaves a finished state', () => {
    for (const from of SYNC_RUN_STATES.filter(isFinished)) {
      for (const to of SYNC_RUN_STATES) expect(canTransition(from, to)).toBe(false);
    }
  });

  it('resumes stopped and stale running runs but never goes back to queued', () => {
    expect(statesBefore('running')).toEqual(['queued', 'running', 'stopped']);
    expect(statesBefore('queued')).toEqual([]);
    expect(statesBefore('succeeded')).toEqual(['running']);
    expect(canTransition('stopped', 'succeeded')).toBe(false);
  });
});
