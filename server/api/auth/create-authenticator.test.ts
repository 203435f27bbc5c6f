import { noAppRoleGrants } from '../../../service/identity/testing/no-app-role-grants';
import { defaultSetup } from '../../../service/setup/setup-schema';
import { ApiError } from '../api-error';
import { createAuthenticator, SANDBOX_IDENTITY } from './create-authenticator';

const setup = defaultSetup('clinic@contoso.onmicrosoft.com');
const currentSetup = async () => setup;
const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const token =
  ['{"alg":"none"}', `{"tid":"${TID}","oid":"u1","name":"Una","upn":"una@contoso.com"}`].map((p) => Buffer.from(p).toString('base64url')).join('.') + '.sig';

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(err)}`);
  return err;
}

test('sandbox without a header: the local development identity', async () => {
  await expect(createAuthenticator({ mode: 'sandbox', appRoleGrants: noAppRoleGrants, currentSetup }).authenticate({})).resolves.toEqual(SANDBOX_IDENTITY);
  const env = { AAD_CLIENT_ID: '0c5b7d3e-1f2a-4b6c-8d9e-0f1a2b3c4d5e', AAD_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47' };
  await expect(createAuthenticator({ mode: 'sandbox', appRoleGrants: noAppRoleGrants, currentSetup, env }).authenticate({})).resolves.toEqual(SANDBOX_IDENTITY);
});

test('sandbox with a token: its claims, unverified', async () => {
  // Without AAD_TENANT_ID the developer's own Teams tenant counts as the home one.
  const identity = await createAuthenticator({ mode: 'sandbox', appRoleGrants: noAppRoleGrants, currentSetup, env: {} }).authenticate({
    authorization: `Bearer ${token}`,
  });
  expect(identity).toEqual({ id: 'u1', name: 'Una', email: 'una@contoso.com', roles: ['admin', 'invoicer', 'reader'] });
  // With it, a token of another tenant is not the first admin.
  const other = await createAuthenticator({
    mode: 'sandbox',
    appRoleGrants: noAppRoleGrants,
    currentSetup,
    env: { AAD_TENANT_ID: '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6' },
  }).authenticate({ authorization: `Bearer ${token}` });
  expect(other).toEqual({ id: `${TID}/u1`, name: 'Una', email: 'una@contoso.com', roles: ['reader'] });
});

test('live without AAD_CLIENT_ID and AAD_TENANT_ID: an explicit 401, never an unchecked accept', async () => {
  const err = await refusal(
    createAuthenticator({ mode: 'live', appRoleGrants: noAppRoleGrants, currentSetup, env: {} }).authenticate({ authorization: `Bearer ${token}` }),
  );
  expect([err.code, err.status, err.message]).toEqual(['unauthenticated', 401, 'Token verification is not configured']);
});

test('live with AAD_CLIENT_ID and AAD_TENANT_ID: Microsoft Entra verification', async () => {
  const env = { AAD_CLIENT_ID: '0c5b7d3e-1f2a-4b6c-8d9e-0f1a2b3c4d5e', AAD_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47' };
  const err = await refusal(
    createAuthenticator({ mode: 'live', appRoleGrants: noAppRoleGrants, currentSetup, env }).authenticate({ authorization: `Bearer ${token}` }),
  );
  // alg none: refused before any key is fetched.
  expect(err.status).toBe(401);
});

test('live without a header: 401', async () => {
  const err = await refusal(createAuthenticator({ mode: 'live', appRoleGrants: noAppRoleGrants, currentSetup, env: {} }).authenticate({}));
  expect(err.status).toBe(401);
});

test('a verifier, when given, decides in either mode', async () => {
  const verifier = {
    verify: jest.fn(async () => ({ user: { kind: 'user' as const, tenantId: TID, objectId: 'v1', name: 'Vera', appRoles: [], guest: false } })),
  };
  const identity = await createAuthenticator({ mode: 'live', appRoleGrants: noAppRoleGrants, currentSetup, verifier, env: {} }).authenticate({
    authorization: `Bearer ${token}`,
  });
  expect(identity.id).toBe(`${TID}/v1`);
  expect(verifier.verify).toHaveBeenCalledWith(token);
});

test('a malformed header or token: 401', async () => {
  const auth = createAuthenticator({ mode: 'sandbox', appRoleGrants: noAppRoleGrants, currentSetup });
  expect((await refusal(auth.authenticate({ authorization: 'Basic abc' }))).status).toBe(401);
  expect((await refusal(auth.authenticate({ authorization: 'Bearer a.b' }))).status).toBe(401);
  expect((await refusal(auth.authenticate({ authorization: `Bearer x.${Buffer.from('{"name":"no id"}').toString('base64url')}.y` }))).status).toBe(401);
});
