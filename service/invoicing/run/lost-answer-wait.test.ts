import { awaitSettledKeys } from './lost-answer-wait';

const WAIT = { delaysMs: [0, 0, 5, 5], quietMs: 5 };
const EXPECTED = new Map([
  ['A', 1],
  ['B', 2],
]);

/** A lookup answering the given states one after another (the last one repeats). */
function answers(...states: Array<Array<[string, number]>>) {
  let n = 0;
  const lookup = async () => new Map(states[Math.min(n++, states.length - 1)]);
  return { lookup, calls: () => n };
}

describe('awaitSettledKeys', () => {
  it('is settled as soon as every key has its complete draft', async () => {
    const a = answers(
      [['A', 1]],
      [
        ['A', 1],
        ['B', 1],
      ],
      [
        ['A', 1],
        ['B', 2],
      ],
    );
    expect(await awaitSettledKeys(EXPECTED, a.lookup, WAIT)).toEqual(EXPECTED);
    expect(a.calls()).toBe(3);
  });

  it('takes an unchanged answer as settled only across a gap of at least quietMs', async () => {
    const a = answers([
      ['A', 1],
      ['B', 0],
    ]);
    expect(await awaitSettledKeys(EXPECTED, a.lookup, WAIT)).toEqual(
      new Map([
        ['A', 1],
        ['B', 0],
      ]),
    );
    // Unchanged after the 0 ms gap does not count; after the first 5 ms gap it does.
    expect(a.calls()).toBe(3);
  });

  it('gives up (undefined) when the answer keeps changing past the last delay', async () => {
    const a = answers(
      [],
      [['A', 0]],
      [['A', 1]],
      [
        ['A', 1],
        ['B', 0],
      ],
    );
    expect(await awaitSettledKeys(EXPECTED, a.lookup, WAIT)).toBeUndefined();
    expect(a.calls()).toBe(4);
  });
});
