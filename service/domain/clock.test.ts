import { clockFrom, fixedClock } from './clock';

describe('clocks', () => {
  const start = new Date('2026-03-29T00:30:00Z');

  it('a fixed clock always answers the same instant, as a fresh Date each time', () => {
    const clock = fixedClock(start);
    const first = clock();
    first.setTime(0);
    expect(clock().toISOString()).toBe('2026-03-29T00:30:00.000Z');
  });

  it('a clock from a start advances with the monotonic time it is given', () => {
    let elapsed = 1_000;
    const clock = clockFrom(start, () => elapsed);
    expect(clock().toISOString()).toBe('2026-03-29T00:30:00.000Z');
    elapsed += 90_000;
    expect(clock().toISOString()).toBe('2026-03-29T00:31:30.000Z');
  });
});
