import { awaitSettledKeys } from './lost-answer-wait';

const WAIT = { delaysMs: [0, 0, 5, 5], quietMs: 5 };

/** A lookup answering the given sets one after another (the last one repeats). */
function answers(...sets: string[][]) {
  let n = 0;
  const lookup = async () => new Set(sets[Math.min(n++, sets.length - 1)]);
  return { lookup, calls: () => n };
}

describe('awaitSettledKeys', () => {
  it('is settled as soon as every key has its invoice', async () => {
    const a = answers(['A'], ['A', 'B']);
    expect(await awaitSettledKeys(['A', 'B'], a.lookup, WAIT)).toEqual(new Set(['A', 'B']));
    expect(a.calls()).toBe(2);
  });

  it('takes an unchanged set as settled only across a gap of at least quietMs', async () => {
    const a = answers(['A'], ['A'], ['A'], ['A']);
    expect(await awaitSettledKeys(['A', 'B'], a.lookup, WAIT)).toEqual(new Set(['A']));
    // Unchanged after the 0 ms gap does not count; after the first 5 ms gap it does.
    expect(a.calls()).toBe(3);
  });

  it('gives up (undefined) when the set keeps changing past the last delay', async () => {
    const a = answers([], ['A'], ['A', 'B'], ['A', 'B', 'C']);
    expect(await awaitSettledKeys(['A', 'B', 'C', 'D'], a.lookup, WAIT)).toBeUndefined();
    expect(a.calls()).toBe(4);
  });
});
