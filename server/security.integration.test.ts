import net from 'node:net';
import { meResponseSchema } from '../contract/api-contract';
import { CLIENT_ID, startFakeEntra, TENANT_ID, TOKEN_CLOCK, type FakeEntra } from './api/auth/testing/fake-entra';
import { errorOf, startApiTestServer, type ApiTestServer } from './api/testing/api-test-server';
import { listenHost } from './http-server';
import { FRAME_ANCESTORS } from './http/security-headers';

/*
 * The security model, proven against the real server in live mode: every route it registers, with
 * a local stand-in for Entra's keys reached through ENTRA_AUTHORITY_HOST. A route added later is in
 * the table without anyone adding it, so it cannot be missed.
 */

const PARTNER = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const NOT_ALLOWED = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
/** Routes outside the signed-in API: health is public, the bot endpoint has its own suite, the rest are catch-alls. */
const PUBLIC = new Set(['/api/health', '/api/messages', '/api/*', '/*']);

let entra: FakeEntra;
let api: ApiTestServer;

beforeAll(async () => {
  entra = await startFakeEntra();
  api = await startApiTestServer({
    mode: 'live',
    entraAuthorityHost: entra.authorityHost,
    env: { AAD_CLIENT_ID: CLIENT_ID, AAD_TENANT_ID: TENANT_ID, ALLOWED_TENANT_IDS: PARTNER },
    clock: TOKEN_CLOCK,
    timeouts: { headersMs: 1000, requestMs: 500 },
    limits: { perAddress: { limit: 10_000, windowMs: 60_000 }, perUser: { limit: 3, windowMs: 60_000 } },
  });
});
afterAll(async () => {
  await api?.close();
  await entra?.close();
});

/** The registered routes under /api/, with a made-up id for each parameter. */
function apiRoutes(): Array<[string, string]> {
  const routes = api.server.getDebugInfo().routes as Array<{ method: string; path: string }>;
  return routes
    .filter((r) => r.path.startsWith('/api/') && !PUBLIC.has(r.path))
    .map((r) => [r.method === 'del' ? 'DELETE' : r.method.toUpperCase(), r.path.replace(/:[a-zA-Z]+/g, 'x1')]);
}

const bearer = async (claims: Record<string, unknown> = {}) => ({ authorization: `Bearer ${await entra.sign(claims)}` });

test('the table is not empty: the server registers the API it is meant to', () => {
  expect(apiRoutes().length).toBeGreaterThanOrEqual(20);
});

// The routes are known once the server runs, so each case walks all of them and names the route in its expectation.
test.each([
  ['no token', async () => ({})],
  ['a tenant not allowed', () => bearer({ tid: NOT_ALLOWED })],
  ['an app-only token (idtyp app, no scp)', () => bearer({ idtyp: 'app', scp: undefined, roles: ['Admin'] })],
  ['a token for another client app', () => bearer({ azp: '11111111-2222-4333-8444-555555555555' })],
])('%s: 401 on every route, before anything runs', async (_name, headersOf) => {
  for (const [method, path] of apiRoutes()) {
    const res = await api.call(method, path, { headers: await headersOf(), ...(method === 'GET' ? {} : { json: {} }) });
    expect([method, path, res.status, errorOf(res).code]).toEqual([method, path, 401, 'unauthenticated']);
  }
});

test('every mutating route refuses what a browser on another site can send: text/plain 415, a foreign Origin 403', async () => {
  const headers = await bearer();
  for (const [method, path] of apiRoutes().filter(([m]) => m !== 'GET')) {
    const plain = await api.call(method, path, { raw: '{}', headers: { ...headers, 'content-type': 'text/plain' } });
    const foreign = await api.call(method, path, { json: {}, headers: { ...headers, origin: 'https://evil.example' } });
    expect([method, path, plain.status, foreign.status]).toEqual([method, path, 415, 403]);
  }
});

describe('roles: one rule, on tenant + object id', () => {
  test('a partner-tenant user claiming a home admin email is a reader during the first run', async () => {
    const res = await api.call('GET', '/api/me', {
      headers: await bearer({ tid: PARTNER, preferred_username: 'anna@contoso.com', email: 'Anna@Contoso.com' }),
    });
    expect(meResponseSchema.parse(res.body)).toMatchObject({ id: `${PARTNER}/a1b2c3d4-0000-4000-8000-000000000001`, roles: ['reader'] });
  });

  test('a guest of the home tenant is a reader during the first run; a member is admin', async () => {
    expect(meResponseSchema.parse((await api.call('GET', '/api/me', { headers: await bearer({ acct: 1 }) })).body).roles).toEqual(['reader']);
    expect(meResponseSchema.parse((await api.call('GET', '/api/me', { headers: await bearer() })).body).roles).toEqual(['admin', 'invoicer', 'reader']);
  });

  test('a partner user may not take the setup over during the first run', async () => {
    const partner = await bearer({ tid: PARTNER, oid: 'b0b0b0b0-0000-4000-8000-000000000002' });
    const { version } = (await api.call('GET', '/api/setup', { headers: partner })).body as { version: number };
    const res = await api.call('PATCH', '/api/setup', {
      json: { patch: { roles: { admins: [`${PARTNER}/b0b0b0b0-0000-4000-8000-000000000002`] } }, version },
      headers: partner,
    });
    expect(res.status).toBe(403);
  });
});

test('a user over their rate of changes gets 429 with Retry-After', async () => {
  const headers = await bearer({ oid: 'c0c0c0c0-0000-4000-8000-000000000003' });
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  for (let i = 0; i < 4; i += 1) {
    const res = await api.call('POST', '/api/appointments/x1/exclude', { json: {}, headers });
    statuses.push(res.status);
    retryAfter = res.headers.get('retry-after');
  }
  expect(statuses).toEqual([404, 404, 404, 429]);
  expect(retryAfter).toBe('60');
});

test.each([['/'], ['/api/health'], ['/api/no-such-thing']])('%s carries CSP with frame-ancestors, HSTS, Referrer-Policy', async (path) => {
  const res = await api.call('GET', path);
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain(`frame-ancestors ${FRAME_ANCESTORS.join(' ')}`);
  // The hosts Teams' tab requirements list for Teams, the Microsoft 365 app and Outlook.
  const documented = [
    '*.cloud.microsoft',
    'teams.microsoft.com',
    '*.teams.microsoft.com',
    '*.microsoft365.com',
    '*.office.com',
    'outlook.office.com',
    'outlook.office365.com',
  ];
  expect(documented.filter((host) => !FRAME_ANCESTORS.includes(`https://${host}` as (typeof FRAME_ANCESTORS)[number]))).toEqual([]);
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
});

test('a slow body is cut off, not held for minutes', async () => {
  const { port } = new URL(api.origin);
  const socket = net.connect(Number(port), '127.0.0.1');
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.resume();
  socket.write(`POST /api/sync HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":`);
  // Nothing more is sent: the server, not the test, must end it.
  await closed;
  expect(socket.destroyed).toBe(true);
});

describe('sandbox binding', () => {
  test('loopback by default; HOST elsewhere warns loudly; live listens where told', () => {
    const warnings: string[] = [];
    expect(listenHost('sandbox', undefined, (m) => warnings.push(m))).toBe('127.0.0.1');
    expect(warnings).toEqual([]);
    expect(listenHost('sandbox', '0.0.0.0', (m) => warnings.push(m))).toBe('0.0.0.0');
    expect(warnings[0]).toMatch(/^WARNING: sandbox mode listening on 0\.0\.0\.0/);
    expect(listenHost('live', undefined, (m) => warnings.push(m))).toBeUndefined();
  });
});
