import { TokenError } from '../../clients/auth/token-provider';
import { HttpError } from '../../clients/http/http-error';
import { RunStoppedError } from './errors';
import { runErrorKind } from './run-error';
import { RUN_ERROR_KINDS, runErrorWords } from './run-error-words';

const BC_URL = "http://127.0.0.1:4001/v2.0/t/production/api/v2.0/companies(c0ffee)/salesInvoices?$filter=externalDocumentNumber eq 'BKI-ABC'";
const GRAPH_URL = 'http://127.0.0.1:4000/v1.0/solutions/bookingBusinesses/x/calendarView';

describe('run errors in words', () => {
  it.each([
    [new HttpError('timeout', { request: { method: 'POST', url: BC_URL } }), 'bc-unreachable'],
    [new HttpError('server', { request: { method: 'GET', url: BC_URL }, status: 500 }), 'bc-busy'],
    [new RunStoppedError('BKI-ABC not confirmed', { cause: new HttpError('network', { request: { method: 'POST', url: BC_URL } }) }), 'bc-unreachable'],
    [new RunStoppedError('not settled', { fateUnknown: true }), 'bc-unsettled'],
    [new HttpError('auth', { request: { method: 'GET', url: BC_URL }, status: 401 }), 'bc-sign-in'],
    [new HttpError('throttled', { request: { method: 'GET', url: GRAPH_URL }, status: 429 }), 'bookings-busy'],
    [new HttpError('network', { request: { method: 'GET', url: GRAPH_URL } }), 'bookings-unreachable'],
    [new TokenError('https://api.businesscentral.dynamics.com/.default', 'AADSTS7000215: invalid secret'), 'bc-sign-in'],
    [new TokenError('https://graph.microsoft.com/.default', 'AADSTS7000215: invalid secret'), 'bookings-sign-in'],
    [new Error('TypeError at foo (file.ts:1:1)'), 'unknown'],
  ] as const)('%s is %s', (err, kind) => {
    expect(runErrorKind(err)).toBe(kind);
  });

  it.each(RUN_ERROR_KINDS.flatMap((kind) => (['en', 'da'] as const).map((language) => [kind, language] as const)))(
    '%s in %s says what happened without a URL, stack or idempotency key',
    (kind, language) => {
      const words = runErrorWords(kind, language)!;
      expect(words.length).toBeGreaterThan(40);
      expect(words).not.toMatch(/https?:|\/v[12]\.0|BKI-|\n\s+at |CorrelationId|undefined/);
    },
  );

  it('text stored before kinds existed is shown as the unknown kind, not raw', () => {
    expect(runErrorWords(`GET ${BC_URL} failed after 5 attempts: 500`, 'da')).toBe(runErrorWords('unknown', 'da'));
  });
});
