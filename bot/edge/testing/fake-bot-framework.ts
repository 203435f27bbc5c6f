import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';

/** The Bot Framework's token issuer (public cloud), which the adapter requires on channel tokens. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
const KID = 'fake-bot-framework-key-1';
const METADATA_PATH = '/.well-known/openidconfiguration';
const KEYS_PATH = '/keys';

/**
 * botbuilder checks nbf/exp against the real clock and offers no way to inject one, so tokens are
 * valid from 2000-01-01 to 2100-01-01: no test run ever depends on today's date.
 */
const NOT_BEFORE = Date.UTC(2000, 0, 1) / 1000;
const EXPIRES = Date.UTC(2100, 0, 1) / 1000;

export interface BotTokenOptions {
  /** Sign with a key the JWKS does not hold, under the JWKS key's kid. */
  foreignKey?: boolean;
}

/** A local stand-in for login.botframework.com's OpenID metadata and keys, and a signer of channel tokens. */
export interface FakeBotFramework {
  /** BOT_OPENID_METADATA_URL for the bot under test. */
  openIdMetadataUrl: string;
  /** Paths requested so far (metadata and keys). */
  requests: string[];
  /** A channel token (as Teams sends to the bot) for `appId` and `serviceUrl`; `claims` override or add. */
  sign(appId: string, serviceUrl: string, claims?: JWTPayload, options?: BotTokenOptions): Promise<string>;
  close(): Promise<void>;
}

export async function startFakeBotFramework(): Promise<FakeBotFramework> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  // The adapter only accepts a key for a channel the key is endorsed for; Teams is 'msteams'.
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: KID, kty: 'RSA', use: 'sig', endorsements: ['msteams'] }] };
  const requests: string[] = [];
  let origin = '';
  const server = http.createServer((req, res) => {
    const path = req.url ?? '';
    requests.push(path);
    const body =
      path === METADATA_PATH
        ? { issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${origin}${KEYS_PATH}`, id_token_signing_alg_values_supported: ['RS256'] }
        : path === KEYS_PATH
          ? jwks
          : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'not_found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const sign = async (appId: string, serviceUrl: string, claims: JWTPayload = {}, options: BotTokenOptions = {}) => {
    const key: KeyLike = options.foreignKey ? foreign.privateKey : privateKey;
    return new SignJWT({ iss: BOT_FRAMEWORK_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: NOT_BEFORE, iat: NOT_BEFORE, exp: EXPIRES, ...claims })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: KID })
      .sign(key);
  };

  return {
    openIdMetadataUrl: `${origin}${METADATA_PATH}`,
    requests,
    sign,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
