/**
 * Where every component reads the time. It is injected, never read from `Date` directly, so tests fix
 * it and a sandbox can run as of a chosen date (SANDBOX_CLOCK_START).
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** Always the same instant: for tests of one moment. */
export const fixedClock =
  (at: Date): Clock =>
  () =>
    new Date(at.getTime());

/**
 * Reads `start` now and then advances with the process's monotonic time: a date chosen for a whole
 * run (tests of a running app, demos) while leases, heartbeats and timeouts still see time pass.
 */
export function clockFrom(start: Date, elapsedMs: () => number = () => performance.now()): Clock {
  const origin = elapsedMs();
  return () => new Date(start.getTime() + (elapsedMs() - origin));
}
