import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { UnsecuredJWT } from 'jose';
import { fixedClock } from '../../../service/domain/clock';
import { noAppRoleGrants } from '../../../service/identity/testing/no-app-role-grants';
import { defaultSetup } from '../../../service/setup/setup-schema';
import { DEFAULT_TEST_NOW } from '../../../service/testing/test-dates';
import { ApiError } from '../api-error';
import { createAuthenticator } from './create-authenticator';
import { EntraTokenVerifier, type EntraVerifierOptions } from './entra-token-verifier';
import { ANNA_OID, CLIENT_ID, startFakeEntra, TAB_HOST, TENANT_ID, TOKEN_TIME, type FakeEntra } from './testing/fake-entra';
import { EntraUnreachableError, TokenRefusedError, type TokenRefusal } from './token-errors';

const OTHER_TENANT = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
/** When the tokens are issued and checked: lifetimes are tested against this instant, not the real time. */
const NOW = DEFAULT_TEST_NOW;
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);
let entra: FakeEntra;
let verifier: EntraTokenVerifier;

const verifierFor = (options: Partial<EntraVerifierOptions> = {}) =>
  new EntraTokenVerifier({
    clientId: CLIENT_ID,
    tenantIds: [TENANT_ID],
    tabHost: TAB_HOST,
    authorityHost: entra.authorityHost,
    clock: fixedClock(NOW),
    ...options,
  });

async function refusal(token: string, by: EntraTokenVerifier = verifier): Promise<ApiError> {
  const err = await by.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(err)}`);
  expect(err.message).not.toContain(token);
  return err;
}

async function refusedFor(token: string): Promise<[TokenRefusal, number]> {
  const err = await refusal(token);
  if (!(err instanceof TokenRefusedError)) throw new Error(`expected a TokenRefusedError, got ${err.name}: ${err.message}`);
  return [err.reason, err.status];
}

beforeAll(async () => {
  entra = await startFakeEntra(NOW);
  verifier = verifierFor();
});
afterAll(async () => {
  await entra?.close();
});

test('a valid v2.0 token: the caller from tid, oid, name, preferred_username and roles, keys fetched for its tenant', async () => {
  const principal = await verifier.verify(await entra.sign({ roles: ['Invoicer'] }));
  expect(principal).toEqual({
    user: { kind: 'user', tenantId: TENANT_ID, objectId: ANNA_OID, name: 'Anna Admin', appRoles: ['Invoicer'], guest: false },
    email: 'anna@contoso.com',
    // The token's exp: how long the tab's record of its app roles holds for the bot.
    expiresAt: new Date((NOW_SECONDS + 3600) * 1000),
  });
  expect(entra.requests).toContain(`/${TENANT_ID}/discovery/v2.0/keys`);
});

test('a v1.0 token: the sts.windows.net issuer and the App ID URI audience, upn as email', async () => {
  const token = await entra.sign({
    ver: '1.0',
    iss: `https://sts.windows.net/${TENANT_ID}/`,
    aud: `api://${TAB_HOST}/${CLIENT_ID}`,
    preferred_username: undefined,
    upn: 'una@contoso.com',
  });
  await expect(verifier.verify(token)).resolves.toMatchObject({ email: 'una@contoso.com' });
});

test('the issuer must match the token version and its tenant', async () => {
  expect(await refusedFor(await entra.sign({ ver: '1.0' }))).toEqual(['wrong-issuer', 401]);
  expect(await refusedFor(await entra.sign({ iss: `https://sts.windows.net/${TENANT_ID}/` }))).toEqual(['wrong-issuer', 401]);
  expect(await refusedFor(await entra.sign({ iss: `${entra.authorityHost}/${OTHER_TENANT}/v2.0` }))).toEqual(['wrong-issuer', 401]);
  // The public cloud's issuer, when ENTRA_AUTHORITY_HOST names another cloud.
  expect(await refusedFor(await entra.sign({ iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0` }))).toEqual(['wrong-issuer', 401]);
  expect(await refusedFor(await entra.sign({ ver: '3.0' }))).toEqual(['unsupported-version', 401]);
});

test('another audience: 401', async () => {
  const err = await refusal(await entra.sign({ aud: 'https://graph.microsoft.com' }));
  expect([err.status, err.message]).toEqual([401, 'The sign-in token was issued for another app (wrong audience)']);
  // Without TAB_ENDPOINT the App ID URI is not one of ours.
  const noTabHost = verifierFor({ tabHost: undefined });
  const v1 = await entra.sign({ aud: `api://${TAB_HOST}/${CLIENT_ID}` });
  expect((await refusal(v1, noTabHost)).message).toContain('wrong audience');
});

test('expired beyond the 2-minute clock tolerance: 401; within it: accepted', async () => {
  const now = NOW_SECONDS;
  const err = await refusal(await entra.sign({ iat: now - 7200, nbf: now - 7200, exp: now - 600 }));
  expect([err.status, err.message]).toEqual([401, 'The sign-in token has expired; reopen the tab to sign in again']);
  await expect(verifier.verify(await entra.sign({ exp: now - 60 }))).resolves.toMatchObject({ user: { name: 'Anna Admin' } });
  expect(await refusedFor(await entra.sign({ nbf: now + 600 }))).toEqual(['not-yet-valid', 401]);
});

test('a tenant not allowed: 401 before any key is fetched for it; ALLOWED_TENANT_IDS admits it', async () => {
  const token = await entra.sign({ tid: OTHER_TENANT });
  const err = await refusal(token);
  expect([err.status, err.message]).toEqual([401, 'Your organisation (Microsoft Entra tenant) is not allowed to use this app']);
  expect(entra.requests.some((path) => path.includes(OTHER_TENANT))).toBe(false);
  await expect(verifierFor({ tenantIds: [TENANT_ID, OTHER_TENANT] }).verify(token)).resolves.toMatchObject({ user: { tenantId: OTHER_TENANT } });
});

test('signed by another key, under a known or an unknown kid: 401 bad signature', async () => {
  expect(await refusedFor(await entra.sign({}, { foreignKey: true }))).toEqual(['bad-signature', 401]);
  expect(await refusedFor(await entra.sign({}, { foreignKey: true, kid: 'someone-elses-key' }))).toEqual(['bad-signature', 401]);
});

test('alg none and a tampered payload: 401', async () => {
  const unsigned = new UnsecuredJWT({ tid: TENANT_ID, ver: '2.0', oid: 'x', aud: CLIENT_ID, iss: `${entra.authorityHost}/${TENANT_ID}/v2.0` })
    .setExpirationTime(Math.floor(TOKEN_TIME.getTime() / 1000) + 3600)
    .encode();
  expect(await refusedFor(unsigned)).toEqual(['algorithm-not-allowed', 401]);
  const [header, , signature] = (await entra.sign()).split('.');
  const forged = Buffer.from(
    JSON.stringify({ tid: TENANT_ID, ver: '2.0', oid: 'mallory', aud: CLIENT_ID, exp: 4102444800, iss: `${entra.authorityHost}/${TENANT_ID}/v2.0` }),
  ).toString('base64url');
  expect(await refusedFor(`${header}.${forged}.${signature}`)).toEqual(['bad-signature', 401]);
});

test('not a JWT, or without tid, oid or exp: 401', async () => {
  expect(await refusedFor('not-a-jwt')).toEqual(['malformed', 401]);
  expect(await refusedFor(await entra.sign({ tid: undefined }))).toEqual(['missing-claim', 401]);
  expect(await refusedFor(await entra.sign({ oid: undefined }))).toEqual(['missing-claim', 401]);
  expect(await refusedFor(await entra.sign({ exp: undefined }))).toEqual(['missing-claim', 401]);
});

test('the key endpoint unreachable or failing: 503', async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const token = await entra.sign();
  const unreachable = await refusal(token, verifierFor({ authorityHost: `http://127.0.0.1:${port}` }));
  expect(unreachable).toBeInstanceOf(EntraUnreachableError);
  expect([unreachable.status, unreachable.message]).toEqual([503, 'Cannot reach Microsoft Entra to verify the token']);
  // The fake answers 404 for anything but a tenant's key path.
  const failing = await refusal(token, verifierFor({ authorityHost: `${entra.authorityHost}/nowhere` }));
  expect(failing.status).toBe(503);
});

test('only a delegated Teams token: no app-only token, the access_as_user scope, a Teams or Microsoft 365 client', async () => {
  expect(await refusedFor(await entra.sign({ idtyp: 'app', scp: undefined }))).toEqual(['not-delegated', 401]);
  expect(await refusedFor(await entra.sign({ idtyp: 'app' }))).toEqual(['not-delegated', 401]);
  expect(await refusedFor(await entra.sign({ scp: undefined, roles: ['Admin'] }))).toEqual(['not-delegated', 401]);
  expect(await refusedFor(await entra.sign({ scp: 'User.Read' }))).toEqual(['not-delegated', 401]);
  expect(await refusedFor(await entra.sign({ azp: '11111111-2222-4333-8444-555555555555' }))).toEqual(['unknown-client', 401]);
  expect(await refusedFor(await entra.sign({ azp: undefined, appid: '11111111-2222-4333-8444-555555555555' }))).toEqual(['unknown-client', 401]);
  await expect(verifier.verify(await entra.sign({ scp: 'User.Read access_as_user', azp: undefined }))).resolves.toMatchObject({ user: { objectId: ANNA_OID } });
});

test('a guest is told apart: acct 1, or an identity provider other than its tenant', async () => {
  await expect(verifier.verify(await entra.sign({ acct: 1 }))).resolves.toMatchObject({ user: { guest: true } });
  await expect(verifier.verify(await entra.sign({ idp: `https://sts.windows.net/${OTHER_TENANT}/` }))).resolves.toMatchObject({ user: { guest: true } });
  await expect(verifier.verify(await entra.sign({ idp: 'live.com' }))).resolves.toMatchObject({ user: { guest: true } });
  await expect(verifier.verify(await entra.sign({ acct: 0 }))).resolves.toMatchObject({ user: { guest: false } });
});

test("through the authenticator: Entra app roles count alongside the setup's lists; an email claim never does", async () => {
  const setup = defaultSetup('clinic@contoso.onmicrosoft.com');
  setup.roles = { admins: ['6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11'], invoicers: [], unmatched: [] };
  const auth = createAuthenticator({
    mode: 'live',
    appRoleGrants: noAppRoleGrants,
    currentSetup: async () => setup,
    verifier,
    env: { AAD_TENANT_ID: TENANT_ID },
  });
  const headers = (token: string) => ({ authorization: `Bearer ${token}` });
  await expect(auth.authenticate(headers(await entra.sign({ roles: ['Invoicer'] })))).resolves.toMatchObject({ id: ANNA_OID, roles: ['invoicer', 'reader'] });
  await expect(auth.authenticate(headers(await entra.sign({ roles: ['Admin'] })))).resolves.toMatchObject({ roles: ['admin', 'invoicer', 'reader'] });
  await expect(auth.authenticate(headers(await entra.sign({ roles: ['Reader'] })))).resolves.toMatchObject({ roles: ['reader'] });
  await expect(auth.authenticate(headers(await entra.sign()))).resolves.toMatchObject({ roles: ['reader'] });
  setup.roles = { admins: [ANNA_OID], invoicers: [], unmatched: [] };
  await expect(auth.authenticate(headers(await entra.sign()))).resolves.toMatchObject({ roles: ['admin', 'invoicer', 'reader'] });
});
