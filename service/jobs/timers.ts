import { systemClock } from '../domain/clock';

/** The clock and timers jobs use; tests inject FakeTimers so schedules and throttles run without waiting. */
export interface Timers {
  now(): Date;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export type TimerHandle = { readonly id: unknown };

export const realTimers: Timers = {
  now: systemClock,
  setTimeout(callback, ms) {
    return { id: setTimeout(callback, ms) };
  },
  clearTimeout(handle) {
    clearTimeout(handle.id as NodeJS.Timeout);
  },
};
