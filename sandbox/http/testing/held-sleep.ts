/**
 * An emulator `sleep` that holds every wait open until the test lets go, so a test knows how many
 * requests are in flight instead of hoping that a delay outlasts the scheduling of the others.
 */
export interface HeldSleep {
  sleep: (ms: number) => Promise<void>;
  /** Resolves once `count` waits are held at the same time. */
  holding(count: number): Promise<void>;
  /** Ends every held wait and lets later ones pass at once. */
  release(): void;
}

export function heldSleep(): HeldSleep {
  let held: Array<() => void> = [];
  let released = false;
  let watchers: Array<{ count: number; resolve: () => void }> = [];
  const notify = () => {
    const reached = watchers.filter((w) => held.length >= w.count);
    watchers = watchers.filter((w) => held.length < w.count);
    for (const watcher of reached) watcher.resolve();
  };
  return {
    sleep: () =>
      released
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            held.push(resolve);
            notify();
          }),
    holding: (count) =>
      new Promise<void>((resolve) => {
        watchers.push({ count, resolve });
        notify();
      }),
    release: () => {
      released = true;
      for (const resolve of held) resolve();
      held = [];
    },
  };
}

/** Resolves once `condition` holds, checking after each turn of the event loop (no timer, no fixed wait). */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise<void>((resolve) => setImmediate(resolve));
}
