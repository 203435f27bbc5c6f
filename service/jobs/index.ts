export { SyncRunner, type SyncRunnerOptions, type SyncRequest, type WaitOptions } from './sync-job';
export type { NamedSyncPhase, SyncContextFactory, SyncRunBase } from './sync-execution';
export { SyncRunStore, type SyncRun, type SyncRunSource } from './sync-run-store';
export { SYNC_RUN_STATES, SYNC_RUN_TRANSITIONS, canTransition, isFinished, type SyncRunState } from './sync-run-state';
export { SyncJobError, SyncInterruptedError, type SyncJobErrorReason } from './errors';
export { IntervalScheduler, type ScheduledTask, type SchedulerOptions } from './scheduler';
export { syncTask } from './sync-schedule';
export { realTimers, type Timers, type TimerHandle } from './timers';
export { createSyncRunner, createSyncContextFactory, DEFAULT_SYNC_PHASES, type SyncCompositionDeps } from './compose-sync';
