import { setTimeout as sleep } from 'node:timers/promises';

/**
 * How long to watch the keys of a create whose answer was lost (timeout, reset, 5xx of the
 * envelope) before anything is sent for them again: Business Central may still be carrying the
 * batch out. The keys are looked up after each delay; what they hold has settled when every key
 * has its complete draft, or when nothing changed across a gap of at least `quietMs` (longer than
 * one operation takes). Past the last delay the run stops, resumably, rather than risk a second draft.
 */
export interface LostAnswerWait {
  delaysMs: readonly number[];
  quietMs: number;
}

export const DEFAULT_LOST_ANSWER_WAIT: LostAnswerWait = { delaysMs: [1_000, 2_000, 4_000, 8_000, 16_000, 30_000], quietMs: 4_000 };

/**
 * Looks the keys up until what they hold has settled. `lookup` answers, per key that has a live
 * draft, how many lines it has; `expected` is the line count of a complete draft per key. Returns
 * the settled answer, or undefined when it never settled.
 */
export async function awaitSettledKeys(
  expected: ReadonlyMap<string, number>,
  lookup: (keys: readonly string[]) => Promise<ReadonlyMap<string, number>>,
  wait: LostAnswerWait,
): Promise<ReadonlyMap<string, number> | undefined> {
  const keys = [...expected.keys()];
  let previous: ReadonlyMap<string, number> | undefined;
  for (const delay of wait.delaysMs) {
    await sleep(delay);
    const found = await lookup(keys);
    if (keys.every((k) => found.get(k) === expected.get(k))) return found;
    if (previous !== undefined && delay >= wait.quietMs && sameMap(previous, found)) return found;
    previous = found;
  }
  return undefined;
}

function sameMap(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}
