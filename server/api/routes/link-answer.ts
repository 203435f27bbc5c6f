import { describeFailure } from '../../../service/connections';
import type { LinkOutcome } from '../../../service/links';
import type { Logger } from '../../../service/logging/logger';
import { ApiError } from '../api-error';
import { ok, type RouteResult } from '../route';

/** A link's refusal as an answer: an unknown Bookings record 404, anything else a 409 the person can act on. */
export function linkAnswer(outcome: LinkOutcome): RouteResult {
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
