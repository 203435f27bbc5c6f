import { TokenError } from '../../clients/auth/token-provider';
import { HttpError } from '../../clients/http/http-error';
import { RunStoppedError } from './errors';
import type { RunErrorKind } from './run-error-words';

/** Business Central's API root has `/api/v2.0`; Graph's has `/v1.0/`. */
const isBusinessCentral = (url: string | undefined) => url !== undefined && url.includes('/api/v2.0');

/** What kind of failure ended a run (run-error-words puts it in words). */
export function runErrorKind(err: unknown): RunErrorKind {
  if (err instanceof RunStoppedError && err.fateUnknown) return 'bc-unsettled';
  const cause = err instanceof RunStoppedError && err.cause !== undefined ? err.cause : err;
  if (cause instanceof RunStoppedError) return 'bc-busy';
  if (cause instanceof TokenError) return cause.scope.includes('businesscentral') ? 'bc-sign-in' : 'bookings-sign-in';
  if (!(cause instanceof HttpError)) return 'unknown';
  const side = isBusinessCentral(cause.request?.url) ? 'bc' : 'bookings';
  switch (cause.reason) {
    case 'auth':
      return `${side}-sign-in`;
    case 'network':
    case 'timeout':
      return `${side}-unreachable`;
    case 'throttled':
    case 'unavailable':
    case 'server':
    case 'client':
    case 'not-found':
    case 'conflict':
    case 'invalid-response':
      return `${side}-busy`;
  }
}
