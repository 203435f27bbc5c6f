import { createRng, hashKey, mulberry32 } from './prng';

describe('prng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const next = mulberry32(seed);
      return Array.from({ length: 5 }, () => next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const value of draw(7)) expect(value >= 0 && value < 1).toBe(true);
  });

  it('gives different streams for different keys', () => {
    expect(hashKey(1, 'day', 20000)).not.toBe(hashKey(1, 'day', 20001));
    expect(createRng(1, 'a').next()).not.toBe(createRng(1, 'b').next());
  });

  it('keeps int within its bounds and weighted to items of positive weight', () => {
    const rng = createRng('bounds');
    const ints = Array.from({ length: 1000 }, () => rng.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    const picks = Array.from({ length: 1000 }, () =>
      rng.weighted([
        ['never', 0],
        ['always', 1],
      ] as const),
    );
    expect(new Set(picks)).toEqual(new Set(['always']));
  });
});
