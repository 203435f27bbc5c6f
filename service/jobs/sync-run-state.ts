/** The life of a sync run. `stopped`: its process stopped it half way; it resumes with the same id. */
export const SYNC_RUN_STATES = ['queued', 'running', 'succeeded', 'failed', 'stopped'] as const;
export type SyncRunState = (typeof SYNC_RUN_STATES)[number];

/**
 * Every allowed move. `running → running` is a resume: another process takes over a run whose
 * heartbeat went stale (its process died).
 */
export const SYNC_RUN_TRANSITIONS: { readonly [S in SyncRunState]: readonly SyncRunState[] } = {
  queued: ['running', 'failed', 'stopped'],
  running: ['running', 'succeeded', 'failed', 'stopped'],
  stopped: ['running', 'failed'],
  succeeded: [],
  failed: [],
};

/** States a run can still leave: at most one run of a business is in one of them (a unique index says so). */
export const UNFINISHED_STATES = ['queued', 'running', 'stopped'] as const satisfies readonly SyncRunState[];

export const isFinished = (state: SyncRunState): boolean => state === 'succeeded' || state === 'failed';

export function canTransition(from: SyncRunState, to: SyncRunState): boolean {
  return SYNC_RUN_TRANSITIONS[from].includes(to);
}

/** The states a run may be in for a move to `to`. */
export function statesBefore(to: SyncRunState): SyncRunState[] {
  return SYNC_RUN_STATES.filter((from) => canTransition(from, to));
}
