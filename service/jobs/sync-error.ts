import { TokenError } from '../clients/auth/token-provider';
import { NoCompanyError } from '../clients/business-central/business-central-client';
import { HttpError } from '../clients/http/http-error';
import { BookingsBusinessError } from '../sync/appointments/bookings-business-error';
import type { SyncErrorKind } from './sync-error-words';

/** Business Central's API root has `/api/v2.0`; Graph's has `/v1.0/`. */
const isBusinessCentral = (url: string | undefined) => url !== undefined && url.includes('/api/v2.0');
/** A company-scoped Business Central path: a 404 there means the company is gone. */
const isCompanyPath = (url: string | undefined) => url !== undefined && /\/companies\([^)]*\)(\?|$)/.test(url);

/** What kind of failure ended a sync (sync-error-words puts it in words). */
export function syncErrorKind(err: unknown): SyncErrorKind {
  // No company chosen while the environment has several: the setup is not finished.
  if (err instanceof NoCompanyError) return 'setup-incomplete';
  if (err instanceof BookingsBusinessError) return 'bookings-business-missing';
  if (err instanceof TokenError) return err.scope.includes('businesscentral') ? 'bc-unauthorised' : 'graph-unauthorised';
  if (!(err instanceof HttpError)) return 'unknown';
  const url = err.request?.url;
  if (isBusinessCentral(url)) {
    if (err.reason === 'auth') return 'bc-unauthorised';
    if (err.reason === 'not-found' && isCompanyPath(url)) return 'bc-company-missing';
    if (err.reason === 'network' || err.reason === 'timeout' || err.reason === 'unavailable' || err.reason === 'server' || err.reason === 'throttled')
      return 'bc-unreachable';
    return 'unknown';
  }
  if (err.reason === 'auth') return 'graph-unauthorised';
  if (err.reason === 'throttled') return 'graph-throttled';
  if (err.reason === 'network' || err.reason === 'timeout' || err.reason === 'unavailable' || err.reason === 'server') return 'graph-unreachable';
  if (err.reason === 'not-found' && url !== undefined && /bookingBusinesses\/[^/?]+(\?|$)/.test(url)) return 'bookings-business-missing';
  return 'unknown';
}
