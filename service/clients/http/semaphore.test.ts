import { KeyedLimiter } from './keyed-limiter';
import { Semaphore } from './semaphore';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('serves waiters in arrival order', async () => {
    const s = new Semaphore(1);
    const release = await s.acquire();
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) => s.acquire().then((r) => (order.push(n), r())));
    release();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
  });

  it('does not let light requests overtake a queued heavy one', async () => {
    const s = new Semaphore(4);
    const first = await s.acquire(2);
    const order: string[] = [];
    const heavy = s.acquire(4).then((r) => (order.push('heavy'), r));
    const light = s.acquire(1).then((r) => (order.push('light'), r()));
    await tick();
    expect(order).toEqual([]);
    first();
    (await heavy)();
    await light;
    expect(order).toEqual(['heavy', 'light']);
  });

  it('gives permits back only once', async () => {
    const s = new Semaphore(1);
    const release = await s.acquire();
    release();
    release();
    await s.acquire();
    let second = false;
    void s.acquire().then(() => (second = true));
    await tick();
    expect(second).toBe(false);
  });
});

describe('KeyedLimiter', () => {
  it('limits each key on its own', async () => {
    const limiter = new KeyedLimiter(2);
    let active = { a: 0, b: 0 };
    let max = { a: 0, b: 0 };
    const job = (key: 'a' | 'b') =>
      limiter.run(key, async () => {
        active = { ...active, [key]: active[key] + 1 };
        max = { ...max, [key]: Math.max(max[key], active[key]) };
        await tick();
        active = { ...active, [key]: active[key] - 1 };
      });
    await Promise.all([...Array(10)].flatMap(() => [job('a'), job('b')]));
    expect(max).toEqual({ a: 2, b: 2 });
  });
});
