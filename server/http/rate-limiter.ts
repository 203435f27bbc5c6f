/** What a limiter says: go, or come back after `retryAfterSeconds`. */
export type RateVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

/** Keys remembered at most: beyond this the oldest windows are dropped, so a flood of keys cannot grow memory. */
const MAX_KEYS = 10_000;

/** A fixed-window counter per key (a user, an address), on an injected clock. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly rate: RateLimit,
    private readonly clock: () => Date,
  ) {}

  take(key: string): RateVerdict {
    const now = this.clock().getTime();
    let window = this.windows.get(key);
    if (window === undefined || now - window.start >= this.rate.windowMs) {
      if (window === undefined && this.windows.size >= MAX_KEYS) this.evict(now);
      window = { start: now, count: 0 };
      this.windows.delete(key);
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.rate.limit) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.rate.windowMs - now) / 1000)) };
  }

  private evict(now: number): void {
    for (const [key, w] of this.windows) {
      if (now - w.start >= this.rate.windowMs || this.windows.size >= MAX_KEYS) this.windows.delete(key);
      if (this.windows.size < MAX_KEYS / 2) return;
    }
  }
}
