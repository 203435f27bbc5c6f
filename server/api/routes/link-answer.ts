import { describeFailure } from '../../../service/connections';
import type { LinkRefused } from '../../../service/links';
import type { Logger } from '../../../service/logging/logger';
import { ApiError } from '../api-error';
import { ok, type JsonAnswer } from '../route';

/**
 * A link's result as an answer; its refusal an error: an unknown Bookings record 404, anything else a
 * 409 the person can act on. A refusal alone answers nothing, so it fits any endpoint (never).
 */
export function linkAnswer<Result = never>(outcome: { ok: true; result: Result } | LinkRefused): JsonAnswer<Result> {
  if (outcome.ok) return ok(outcome.result);
  switch (outcome.code) {
    case 'unknown-service':
    case 'unknown-customer':
    case 'unknown-appointment':
      throw new ApiError('not_found', outcome.message);
    case 'unknown-record':
    case 'not-a-service-item':
    case 'item-blocked':
    case 'customer-blocked':
    case 'no-company':
      throw new ApiError('conflict', outcome.message);
    default: {
      const unhandled: never = outcome.code;
      throw new Error(`Unknown link refusal ${String(unhandled)}`);
    }
  }
}

/** Business Central's failures in words (request details stay in the log). */
export async function askingBusinessCentral<T>(logger: Logger, what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ApiError) throw err;
    logger.warn({ err }, what);
    throw new ApiError('unavailable', describeFailure('businessCentral', err));
  }
}
