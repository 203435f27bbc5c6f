import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';

export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const CLIENT_ID = '0c5b7d3e-1f2a-4b6c-8d9e-0f1a2b3c4d5e';
export const TAB_HOST = 'tab.contoso.example';
/** Teams web: one of the clients allowed to ask for tab tokens. */
export const TEAMS_WEB_CLIENT = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';
/** Tokens are issued at this instant and the verifiers of the tests check them at it. */
export const TOKEN_TIME = new Date('2026-03-02T09:00:00.000Z');
export const TOKEN_CLOCK = () => TOKEN_TIME;
export const ANNA_OID = 'a1b2c3d4-0000-4000-8000-000000000001';
const KID = 'fake-entra-key-1';

export interface SignOptions {
  /** Sign with a key the JWKS does not hold (under the same kid unless `kid` says otherwise). */
  foreignKey?: boolean;
  kid?: string;
}

/** A local stand-in for login.microsoftonline.com's key endpoint, and a signer of Entra-shaped tokens. */
export interface FakeEntra {
  /** `http://127.0.0.1:<port>`: the verifier's authorityHost (ENTRA_AUTHORITY_HOST). */
  authorityHost: string;
  /** Key set requests served so far, by path. */
  requests: string[];
  /** A v2.0 delegated Teams token for CLIENT_ID in TENANT_ID, issued at the fake's `now` for an hour; `claims` override or add. */
  sign(claims?: JWTPayload, options?: SignOptions): Promise<string>;
  close(): Promise<void>;
}

/** `now`: when the tokens are issued (the verifier under test checks them against its own clock). */
export async function startFakeEntra(now: Date = TOKEN_TIME): Promise<FakeEntra> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: KID, use: 'sig', alg: 'RS256' }] };
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const ok = /^\/[0-9a-f-]{36}\/discovery\/v2\.0\/keys$/.test(req.url ?? '');
    res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? jwks : { error: 'not_found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const authorityHost = `http://127.0.0.1:${port}`;

  const sign = async (claims: JWTPayload = {}, options: SignOptions = {}) => {
    const key: KeyLike = options.foreignKey ? foreign.privateKey : privateKey;
    const tid = typeof claims['tid'] === 'string' ? claims['tid'] : TENANT_ID;
    return new SignJWT({
      aud: CLIENT_ID,
      iss: `${authorityHost}/${tid}/v2.0`,
      iat: issuedAt,
      nbf: issuedAt,
      exp: issuedAt + 3600,
      tid,
      oid: ANNA_OID,
      name: 'Anna Admin',
      preferred_username: 'anna@contoso.com',
      scp: 'access_as_user',
      azp: TEAMS_WEB_CLIENT,
      ver: '2.0',
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? KID })
      .sign(key);
  };

  return {
    authorityHost,
    requests,
    sign,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
