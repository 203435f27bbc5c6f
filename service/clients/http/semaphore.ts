interface Waiter {
  weight: number;
  grant: () => void;
}

/**
 * A FIFO counting semaphore with weights: a waiter is served only once everyone queued before it was,
 * so a heavy request (a $batch of 4) is not starved by a stream of light ones.
 */
export class Semaphore {
  private available: number;
  private readonly queue: Waiter[] = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.available = capacity;
  }

  /** Waits for `weight` permits (capped at the capacity); returns the function that gives them back, once. */
  async acquire(weight = 1): Promise<() => void> {
    const w = Math.min(Math.max(1, Math.ceil(weight)), this.capacity);
    if (this.queue.length === 0 && this.available >= w) {
      this.available -= w;
    } else {
      await new Promise<void>((grant) => this.queue.push({ weight: w, grant }));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.available += w;
      this.drain();
    };
  }

  async run<T>(fn: () => Promise<T>, weight = 1): Promise<T> {
    const release = await this.acquire(weight);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  get waiting(): number {
    return this.queue.length;
  }

  private drain(): void {
    for (let head = this.queue[0]; head && head.weight <= this.available; head = this.queue[0]) {
      this.queue.shift();
      this.available -= head.weight;
      head.grant();
    }
  }
}
