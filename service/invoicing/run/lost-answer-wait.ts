import { setTimeout as sleep } from 'node:timers/promises';

/**
 * How long to watch the keys of a create whose answer was lost (timeout, reset, 5xx of the
 * envelope) before anything is sent for them again: Business Central may still be carrying the
 * batch out. The keys are looked up after each delay; the set is settled when every key has its
 * draft, or when it did not change across a gap of at least `quietMs` (longer than one operation
 * takes). Past the last delay the run stops, resumably, rather than risk a second draft.
 */
export interface LostAnswerWait {
  delaysMs: readonly number[];
  quietMs: number;
}

export const DEFAULT_LOST_ANSWER_WAIT: LostAnswerWait = { delaysMs: [1_000, 2_000, 4_000, 8_000, 16_000, 30_000], quietMs: 4_000 };

/**
 * Looks `keys` up until the set found is settled; returns it, or undefined when it never settled.
 * `lookup` answers the keys that have a live invoice now.
 */
export async function awaitSettledKeys(
  keys: readonly string[],
  lookup: (keys: readonly string[]) => Promise<ReadonlySet<string>>,
  wait: LostAnswerWait,
): Promise<ReadonlySet<string> | undefined> {
  let previous: ReadonlySet<string> | undefined;
  for (const delay of wait.delaysMs) {
    await sleep(delay);
    const found = await lookup(keys);
    if (found.size === keys.length) return found;
    if (previous !== undefined && delay >= wait.quietMs && sameSet(previous, found)) return found;
    previous = found;
  }
  return undefined;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((k) => b.has(k));
}
