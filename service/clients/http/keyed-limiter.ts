import { Semaphore } from './semaphore';

/** One FIFO semaphore per key (a Bookings mailbox, a Business Central client), created on first use. */
export class KeyedLimiter {
  private readonly semaphores = new Map<string, Semaphore>();

  constructor(readonly capacity: number) {}

  run<T>(key: string, fn: () => Promise<T>, weight = 1): Promise<T> {
    return this.semaphore(key).run(fn, weight);
  }

  private semaphore(key: string): Semaphore {
    let s = this.semaphores.get(key);
    if (!s) {
      s = new Semaphore(this.capacity);
      this.semaphores.set(key, s);
    }
    return s;
  }
}
