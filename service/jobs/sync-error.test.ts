import { TokenError } from '../clients/auth/token-provider';
import { NoCompanyError } from '../clients/business-central/business-central-client';
import { HttpError } from '../clients/http/http-error';
import { RAW_DETAIL } from '../invoicing/run/run-error-words';
import { BookingsBusinessError } from '../sync/appointments/bookings-business-error';
import { syncErrorKind } from './sync-error';
import { SYNC_ERROR_KINDS, syncErrorWords } from './sync-error-words';

const BC = 'https://api.businesscentral.dynamics.com/v2.0/t/production/api/v2.0/companies(c0ffee)';
const GRAPH = 'https://graph.microsoft.com/v1.0/solutions/bookingBusinesses/clinic@contoso.com';

describe('sync errors in words', () => {
  it.each([
    [new HttpError('network', { request: { method: 'GET', url: `${GRAPH}/calendarView` } }), 'graph-unreachable'],
    [new HttpError('server', { request: { method: 'GET', url: `${GRAPH}/customers` }, status: 503 }), 'graph-unreachable'],
    [new HttpError('auth', { request: { method: 'GET', url: `${GRAPH}/calendarView` }, status: 403 }), 'graph-unauthorised'],
    [new TokenError('https://graph.microsoft.com/.default', 'AADSTS7000215: invalid secret'), 'graph-unauthorised'],
    [new HttpError('throttled', { request: { method: 'GET', url: `${GRAPH}/customers` }, status: 429 }), 'graph-throttled'],
    [new HttpError('not-found', { request: { method: 'GET', url: GRAPH }, status: 404 }), 'bookings-business-missing'],
    [new BookingsBusinessError('no-currency', 'clinic@contoso.com'), 'bookings-business-missing'],
    [new HttpError('timeout', { request: { method: 'GET', url: `${BC}/items` } }), 'bc-unreachable'],
    [new HttpError('auth', { request: { method: 'GET', url: `${BC}/customers` }, status: 401 }), 'bc-unauthorised'],
    [new TokenError('https://api.businesscentral.dynamics.com/.default', 'AADSTS7000215: invalid secret'), 'bc-unauthorised'],
    [new HttpError('not-found', { request: { method: 'GET', url: BC }, status: 404 }), 'bc-company-missing'],
    [new NoCompanyError(), 'setup-incomplete'],
    [new HttpError('client', { request: { method: 'POST', url: `${BC}/items` }, status: 400 }), 'unknown'],
    [new TypeError("Cannot read properties of undefined (reading 'id')"), 'unknown'],
  ] as const)('%s is %s', (err, kind) => {
    expect(syncErrorKind(err)).toBe(kind);
  });

  it.each(SYNC_ERROR_KINDS.flatMap((kind) => (['en', 'da'] as const).map((language) => [kind, language] as const)))(
    '%s in %s says what failed and what to do, without a URL, stack or key',
    (kind, language) => {
      const words = syncErrorWords(kind, language)!;
      expect(words.length).toBeGreaterThan(60);
      expect(words).toMatch(language === 'en' ? /Sync now|Setup|admin/ : /Synkroniser nu|Opsætning|administrator/);
      expect(words).not.toMatch(RAW_DETAIL);
      expect(words).not.toMatch(/BKI-|undefined/);
    },
  );

  it('text stored before kinds existed is shown as the unknown kind, never raw', () => {
    expect(syncErrorWords(`appointments: GET ${GRAPH}/calendarView failed: 500`, 'da')).toBe(syncErrorWords('unknown', 'da'));
    expect(syncErrorWords(null, 'en')).toBeNull();
  });
});
