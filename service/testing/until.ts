import { setTimeout as tick } from 'node:timers/promises';

/**
 * Waits until `condition` holds, checking every few milliseconds: a wait on a condition, never on a
 * duration. The guard only stops a hung test (it is no timing criterion), so it is generous.
 */
export async function until(condition: () => boolean | Promise<boolean>, what: string, guardMs = 60_000): Promise<void> {
  const deadline = performance.now() + guardMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`gave up waiting until ${what}`);
    await tick(2);
  }
}
