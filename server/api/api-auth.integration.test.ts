import { meResponseSchema, setupResponseSchema, startedRunSchema, unbilledResponseSchema } from '../../contract/api-contract';
import type { Authenticator, Identity } from './auth/identity';
import { errorOf, startApiTestServer, type ApiTestServer } from './testing/api-test-server';

/* Who may do what: 401 without a usable token, 403 without the role. */

const jwt = (claims: Record<string, unknown>) =>
  ['{"alg":"RS256","typ":"JWT"}', JSON.stringify(claims)].map((part) => Buffer.from(part).toString('base64url')).join('.') + '.c2lnbmF0dXJl';

const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/** Whoever the test names, as a fixed identity. */
function fixedAuthenticator(): Authenticator & { as: Identity } {
  const auth = {
    as: { id: 'reader-1', name: 'Rita Reader', email: 'rita@contoso.com', roles: ['reader'] } as Identity,
    authenticate: async () => auth.as,
  };
  return auth;
}

describe('with a test authenticator', () => {
  let api: ApiTestServer;
  const auth = fixedAuthenticator();

  beforeAll(async () => {
    api = await startApiTestServer({ authenticator: auth, maxConcurrentRuns: 1 });
  });
  afterAll(async () => {
    await api?.close();
  });

  test('a reader reads but may not invoice, exclude, mark a no-show, sync or change the setup', async () => {
    auth.as = { id: 'reader-1', name: 'Rita Reader', roles: ['reader'] };
    expect((await api.call('GET', '/api/unbilled')).status).toBe(200);
    expect((await api.call('GET', '/api/setup')).status).toBe(200);
    const refused: Array<[string, string, unknown]> = [
      ['POST', '/api/invoice-runs', { selection: { kind: 'ids', appointmentIds: ['a'] } }],
      ['POST', '/api/invoice-runs/preview', { selection: { kind: 'ids', appointmentIds: ['a'] } }],
      ['POST', '/api/appointments/a/exclude', {}],
      ['POST', '/api/appointments/a/no-show', {}],
      ['POST', '/api/appointments/a/attended', {}],
      ['PUT', '/api/appointments/a/price', { price: null }],
      ['POST', '/api/sync', {}],
      ['PATCH', '/api/setup', { patch: { syncIntervalMinutes: 30 }, version: 0 }],
      ['POST', '/api/connections/test', {}],
    ];
    for (const [method, url, json] of refused) {
      const res = await api.call(method, url, { json });
      expect([method, url, res.status]).toEqual([method, url, 403]);
      expect(errorOf(res).code).toBe('forbidden');
    }
  });

  test('an invoicer invoices but may not change the setup', async () => {
    auth.as = { id: 'inv-1', name: 'Ivan Invoicer', roles: ['invoicer', 'reader'] };
    expect((await api.call('PATCH', '/api/setup', { json: { patch: { syncIntervalMinutes: 30 }, version: 0 } })).status).toBe(403);
    const unknown = await api.call('POST', '/api/appointments/AAMkADnone/exclude');
    expect(unknown.status).toBe(404);
    expect((await api.call('POST', '/api/appointments/AAMkADnone/no-show')).status).toBe(404);
  });

  test('a second invoice run while the first still runs is 429 busy', async () => {
    auth.as = { id: 'inv-1', name: 'Ivan Invoicer', roles: ['invoicer', 'reader'] };
    await api.services.sync.waitFor(await api.services.sync.requestSync(api.harness.businessId, { requestedBy: 'test', source: 'cli' }));
    // Slow Business Central down so that the first run is still going when the second is asked for.
    api.harness.bc.update({ latencyMs: 300 });
    const rows = unbilledResponseSchema.parse((await api.call('GET', '/api/unbilled?limit=4')).body).rows;
    expect(rows.length).toBe(4);
    const first = await api.call('POST', '/api/invoice-runs', { json: { selection: { kind: 'ids', appointmentIds: rows.slice(0, 2).map((r) => r.id) } } });
    expect(first.status).toBe(202);
    const second = await api.call('POST', '/api/invoice-runs', { json: { selection: { kind: 'ids', appointmentIds: rows.slice(2).map((r) => r.id) } } });
    expect(second.status).toBe(429);
    expect(errorOf(second).code).toBe('busy');
    expect(second.headers.get('retry-after')).toBe('5');
    api.harness.bc.update({ latencyMs: 0 });
    const run = await api.services.invoices.wait(startedRunSchema.parse(first.body).runId);
    expect(run.requestedBy).toBe('inv-1');
    const third = await api.call('POST', '/api/invoice-runs', { json: { selection: { kind: 'ids', appointmentIds: rows.slice(2).map((r) => r.id) } } });
    expect(third.status).toBe(202);
    await api.services.invoices.idle();
  });
});

describe('in live mode', () => {
  let api: ApiTestServer;

  beforeAll(async () => {
    api = await startApiTestServer({ mode: 'live' });
  });
  afterAll(async () => {
    await api?.close();
  });

  test('a bearer token is refused: verification is not configured, and nothing is accepted unchecked', async () => {
    const res = await api.call('GET', '/api/me', bearer(jwt({ oid: 'u1', name: 'Mallory', roles: ['admin'] })));
    expect(res.status).toBe(401);
    expect(errorOf(res)).toEqual({ code: 'unauthenticated', message: 'Token verification is not configured' });
  });

  test('no token is 401, and there is no development identity', async () => {
    const res = await api.call('GET', '/api/unbilled');
    expect(res.status).toBe(401);
    expect(errorOf(res).code).toBe('unauthenticated');
    const basic = await api.call('GET', '/api/me', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);
  });
});

describe('in sandbox mode with a Teams token', () => {
  let api: ApiTestServer;

  beforeAll(async () => {
    api = await startApiTestServer();
  });
  afterAll(async () => {
    await api?.close();
  });

  test("the token's user; roles from the setup's lists once they are filled", async () => {
    const anna = bearer(jwt({ tid: TID, oid: '6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11', name: 'Anna Admin', preferred_username: 'anna@contoso.com' }));
    const bo = bearer(jwt({ tid: TID, oid: '0b5d7c55-0c51-4d0b-8d34-93f2c8a5e0aa', name: 'Bo <b>Bold</b>', preferred_username: 'bo@contoso.com' }));

    // First run: both lists empty, so everyone of the home tenant (here the token's own) is admin and invoicer.
    expect(meResponseSchema.parse((await api.call('GET', '/api/me', bo)).body).roles).toEqual(['admin', 'invoicer', 'reader']);

    const { version } = setupResponseSchema.parse((await api.call('GET', '/api/setup', anna)).body);
    const saved = await api.call('PATCH', '/api/setup', { json: { patch: { roles: { admins: ['6F1C0B1E-4A59-4A43-9A7E-2D3C1B0E9F11'] } }, version }, ...anna });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ updatedBy: '6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11' });

    const me = meResponseSchema.parse((await api.call('GET', '/api/me', bo)).body);
    expect(me).toEqual({ id: '0b5d7c55-0c51-4d0b-8d34-93f2c8a5e0aa', name: 'Bo <b>Bold</b>', email: 'bo@contoso.com', roles: ['reader'], mode: 'sandbox' });
    const refused = await api.call('POST', '/api/invoice-runs', { json: { selection: { kind: 'ids', appointmentIds: ['a'] } }, ...bo });
    expect(refused.status).toBe(403);
    expect(meResponseSchema.parse((await api.call('GET', '/api/me', anna)).body).roles).toEqual(['admin', 'invoicer', 'reader']);
  });

  test('a token that is not a JWT is 401', async () => {
    const res = await api.call('GET', '/api/me', bearer('not-a-jwt'));
    expect(res.status).toBe(401);
    expect(errorOf(res).code).toBe('unauthenticated');
  });
});
