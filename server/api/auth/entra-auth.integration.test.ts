import { noAppRoleGrants } from '../../../service/identity/testing/no-app-role-grants';
import { DEFAULT_TEST_NOW } from '../../../service/testing/test-dates';
import { meResponseSchema } from '../../../contract/api-contract';
import { errorOf, startApiTestServer, type ApiTestServer } from '../testing/api-test-server';
import { createAuthenticator } from './create-authenticator';
import { EntraTokenVerifier } from './entra-token-verifier';
import { CLIENT_ID, startFakeEntra, TAB_HOST, TENANT_ID, type FakeEntra } from './testing/fake-entra';

/* The real API server in live mode, verifying Teams SSO tokens against a local stand-in for Entra's keys. */

let entra: FakeEntra;
let api: ApiTestServer;

beforeAll(async () => {
  // Tokens are issued as the server's day starts, and checked by the server's clock.
  entra = await startFakeEntra(DEFAULT_TEST_NOW);
  const verifier = new EntraTokenVerifier({
    clientId: CLIENT_ID,
    tenantIds: [TENANT_ID],
    tabHost: TAB_HOST,
    authorityHost: entra.authorityHost,
    clock: () => api.services.clock(),
  });
  // The server's services exist only once it runs, so the setup is read through `api` at request time.
  const authenticator = createAuthenticator({
    mode: 'live',
    appRoleGrants: noAppRoleGrants,
    currentSetup: () => api.services.currentSetup(),
    verifier,
    env: { AAD_TENANT_ID: TENANT_ID },
  });
  api = await startApiTestServer({ mode: 'live', authenticator, now: DEFAULT_TEST_NOW });
});
afterAll(async () => {
  await api?.close();
  await entra?.close();
});

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

test('a valid token reads GET /api/me as its caller', async () => {
  const res = await api.call('GET', '/api/me', bearer(await entra.sign({ roles: ['Reader'] })));
  expect(res.status).toBe(200);
  expect(meResponseSchema.parse(res.body)).toMatchObject({
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    name: 'Anna Admin',
    email: 'anna@contoso.com',
    mode: 'live',
  });
});

test('an expired token is a 401 with its reason, and no stack', async () => {
  const now = Math.floor(DEFAULT_TEST_NOW.getTime() / 1000);
  const res = await api.call('GET', '/api/me', bearer(await entra.sign({ iat: now - 7200, nbf: now - 7200, exp: now - 3600 })));
  expect(res.status).toBe(401);
  expect(errorOf(res)).toEqual({ code: 'unauthenticated', message: 'The sign-in token has expired; reopen the tab to sign in again' });
  expect(res.text).not.toMatch(/at .*\.(ts|js)/);
});
