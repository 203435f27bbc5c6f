import type { TimerHandle, Timers } from '../timers';

interface Pending {
  handle: TimerHandle;
  at: number;
  callback: () => void;
}

/** Manual time for tests: `advance` fires due timers in order and lets their promise chains settle. */
export class FakeTimers implements Timers {
  private nowMs: number;
  private pending: Pending[] = [];
  private nextId = 0;

  constructor(start: Date = new Date('2026-11-02T08:00:00.000Z')) {
    this.nowMs = start.getTime();
  }

  now(): Date {
    return new Date(this.nowMs);
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const handle = { id: (this.nextId += 1) };
    this.pending.push({ handle, at: this.nowMs + Math.max(0, ms), callback });
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.pending = this.pending.filter((p) => p.handle !== handle);
  }

  /** How many timers are waiting. */
  get size(): number {
    return this.pending.length;
  }

  /**
   * Moves time forward by `ms`, firing due timers in order. `idle`, when given, is awaited after each
   * fired timer: it lets real I/O started by the callback (a database query) finish before time moves on.
   */
  async advance(ms: number, idle?: () => Promise<unknown>): Promise<void> {
    const until = this.nowMs + ms;
    for (;;) {
      await settle();
      if (idle) await idle();
      const due = this.pending.filter((p) => p.at <= until).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      this.pending = this.pending.filter((p) => p !== due);
      this.nowMs = Math.max(this.nowMs, due.at);
      due.callback();
    }
    this.nowMs = until;
    await settle();
  }
}

/** Lets pending promise callbacks (including a few rounds of real I/O) run. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}
