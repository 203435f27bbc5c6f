/** What the emulator observed, for tests, benchmarks and `GET /_emulator/stats`. */
export interface BcEmulatorStats {
  /** API requests received (a `$batch` counts once). */
  requests: number;
  /** 429 answers, of either cause. */
  throttled: number;
  /** …of which for the request-rate window. */
  rateLimited: number;
  /** …of which because the queue was full. */
  queueRejected: number;
  /** Injected faults (500, 503, connection resets). */
  faults: number;
  /** The most operations processed at once. */
  maxConcurrency: number;
  /** The longest the waiting queue got. */
  queueHighWater: number;
}

export function emptyStats(): BcEmulatorStats {
  return { requests: 0, throttled: 0, rateLimited: 0, queueRejected: 0, faults: 0, maxConcurrency: 0, queueHighWater: 0 };
}
