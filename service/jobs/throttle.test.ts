import { Throttle } from './throttle';
import { FakeTimers } from './testing/fake-timers';

describe('Throttle', () => {
  const setup = () => {
    const timers = new FakeTimers();
    const written: number[] = [];
    const throttle = new Throttle<number>(
      500,
      async (v) => void written.push(v),
      timers,
      (err) => {
        throw err;
      },
    );
    return { timers, written, throttle };
  };

  it('writes the first value at once and coalesces the rest into one trailing write per interval', async () => {
    const { timers, written, throttle } = setup();
    for (let v = 1; v <= 100; v += 1) throttle.push(v);
    await timers.advance(0);
    expect(written).toEqual([1]);
    await timers.advance(499);
    expect(written).toEqual([1]);
    await timers.advance(1);
    expect(written).toEqual([1, 100]);
    throttle.push(101);
    await timers.advance(499);
    expect(written).toEqual([1, 100]);
    await timers.advance(1);
    expect(written).toEqual([1, 100, 101]);
  });

  it('writes the pending value on flush and nothing on cancel', async () => {
    const { timers, written, throttle } = setup();
    throttle.push(1);
    throttle.push(2);
    await throttle.flush();
    expect(written).toEqual([1, 2]);
    throttle.push(3);
    throttle.cancel();
    await timers.advance(1_000);
    expect(written).toEqual([1, 2]);
    expect(timers.size).toBe(0);
  });
});
