import type { HttpError } from './http-error';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First backoff ceiling; doubles per attempt ("full jitter": the wait is random in [0, ceiling)). */
  baseDelayMs: number;
  /** Cap of one backoff wait (a `Retry-After` may ask for more, within the total budget). */
  maxDelayMs: number;
  /** Cap of all waits of one request; past it we give up rather than stall a sync. */
  maxTotalDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1): injectable so tests can pin the jitter. */
  random: () => number;
  now: () => number;
}

export const defaultRetryOptions: RetryOptions = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxTotalDelayMs: 120_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
};

export function retryOptions(overrides: Partial<RetryOptions> | undefined): RetryOptions {
  return { ...defaultRetryOptions, ...overrides };
}

/** How a request may be repeated: reads always; writes only where the server surely did nothing, or the caller says so. */
export interface RetrySafety {
  method: string;
  /** The caller guarantees a repeat has no extra effect (e.g. a $batch of reads, a lookup by key). */
  idempotent?: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export function isRetryable(error: HttpError, safety: RetrySafety): boolean {
  const repeatable = safety.idempotent === true || SAFE_METHODS.has(safety.method.toUpperCase());
  switch (error.reason) {
    // 429 means the request was turned away before any work, so even a POST may go again.
    case 'throttled':
      return true;
    // A 503 may come from a gateway after the work was done: for a write it is a lost answer, like a timeout.
    case 'unavailable':
    case 'server':
    case 'network':
    case 'timeout':
      return repeatable;
    case 'client':
    case 'auth':
    case 'not-found':
    case 'conflict':
    case 'invalid-response':
      return false;
  }
}

/** The wait before attempt `attempt + 1`, honouring what the service asked for. */
export function delayBeforeRetry(attempt: number, retryAfterMs: number | undefined, options: RetryOptions): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(options.random() * ceiling);
}
