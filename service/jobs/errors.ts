/** Why a sync request or wait could not be served; callers switch on `reason`. */
export type SyncJobErrorReason = 'busy' | 'stopping' | 'unknown-run';

export class SyncJobError extends Error {
  constructor(
    readonly reason: SyncJobErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'SyncJobError';
  }
}

/** The reason a run's AbortSignal fires. */
export class SyncInterruptedError extends Error {
  constructor(readonly why: 'process-stopping' | 'lease-lost') {
    super(why === 'process-stopping' ? 'The process is stopping: the sync resumes later' : 'Another process took over this sync');
    this.name = 'SyncInterruptedError';
  }
}
