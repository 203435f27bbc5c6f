import type { BcEmulatorStats } from './stats';

export type Release = () => void;

/**
 * BC online processes a few requests per user at once and queues the rest up to a bound; past it,
 * requests fail with 429 immediately. `acquire` resolves when a processing slot is free, or returns
 * undefined when the queue is full.
 */
export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly limits: () => { maxConcurrent: number; maxQueued: number },
    private readonly stats: BcEmulatorStats,
  ) {}

  acquire(): Promise<Release> | undefined {
    const { maxConcurrent, maxQueued } = this.limits();
    if (this.active < maxConcurrent) return Promise.resolve(this.start());
    if (this.waiting.length >= maxQueued) return undefined;
    return new Promise<Release>((resolve) => {
      this.waiting.push(() => resolve(this.start()));
      this.stats.queueHighWater = Math.max(this.stats.queueHighWater, this.waiting.length);
    });
  }

  private start(): Release {
    this.active += 1;
    this.stats.maxConcurrency = Math.max(this.stats.maxConcurrency, this.active);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.drain();
    };
  }

  private drain(): void {
    const { maxConcurrent } = this.limits();
    while (this.active < maxConcurrent) {
      const next = this.waiting.shift();
      if (!next) return;
      next();
    }
  }
}

/** A sliding window of admitted requests: at most `maxRequests` within any `windowMs`. */
export class RateWindow {
  private readonly admitted: number[] = [];
  private head = 0;

  constructor(private readonly limits: () => { maxRequests: number; windowMs: number }) {}

  tryAdmit(nowMs: number): boolean {
    const { maxRequests, windowMs } = this.limits();
    while (this.head < this.admitted.length && this.admitted[this.head]! <= nowMs - windowMs) this.head += 1;
    if (this.head > 1024) {
      this.admitted.splice(0, this.head);
      this.head = 0;
    }
    if (this.admitted.length - this.head >= maxRequests) return false;
    this.admitted.push(nowMs);
    return true;
  }
}
