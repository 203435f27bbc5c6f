import type { TimerHandle, Timers } from './timers';

/**
 * Calls `write` at most once per `intervalMs` with the latest value: the first value goes out at
 * once, later ones within the interval are coalesced into one trailing write.
 */
export class Throttle<T> {
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  private pending: { value: T } | undefined;
  private timer: TimerHandle | undefined;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly intervalMs: number,
    private readonly write: (value: T) => Promise<void>,
    private readonly timers: Timers,
    private readonly onError: (err: unknown) => void,
  ) {}

  push(value: T): void {
    this.pending = { value };
    if (this.timer !== undefined) return;
    const wait = this.lastWriteAt + this.intervalMs - this.timers.now().getTime();
    if (wait <= 0) {
      this.writePending();
      return;
    }
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.writePending();
    }, wait);
  }

  /** Writes what is pending now and waits for every write to finish. */
  async flush(): Promise<void> {
    if (this.timer !== undefined) {
      this.timers.clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.writePending();
    await this.inFlight;
  }

  /** Drops what is pending (the run ended in a way that writes its own final row). */
  cancel(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }

  private writePending(): void {
    const pending = this.pending;
    if (pending === undefined) return;
    this.pending = undefined;
    this.lastWriteAt = this.timers.now().getTime();
    // Writes go out one after another so an older value never lands after a newer one.
    this.inFlight = this.inFlight.then(() => this.write(pending.value)).catch(this.onError);
  }
}
