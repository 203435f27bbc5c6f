import type { Logger } from '../../logging/logger';
import { HttpError } from './http-error';
import { delayBeforeRetry, isRetryable, type RetryOptions, type RetrySafety } from './retry-policy';

/**
 * Runs `attempt` until it succeeds, fails for good, or the attempt or delay budget is spent; the error
 * thrown then is the last failure, saying how many attempts were made.
 */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, safety: RetrySafety, options: RetryOptions, logger?: Logger): Promise<T> {
  let waited = 0;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      const final = () => (n > 1 ? error.withAttempts(n) : error);
      if (!isRetryable(error, safety) || n >= options.maxAttempts) throw final();
      const delay = delayBeforeRetry(n, error.retryAfterMs, options);
      if (waited + delay > options.maxTotalDelayMs) throw final();
      logger?.warn({ request: error.request, reason: error.reason, status: error.status, attempt: n, delayMs: delay }, 'retrying request');
      waited += delay;
      await options.sleep(delay);
    }
  }
}
