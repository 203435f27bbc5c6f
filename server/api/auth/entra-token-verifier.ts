import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { Clock } from '../../../service/domain/clock';
import type { EntraSettings } from './entra-settings';
import type { Principal, TokenVerifier } from './identity';
import { TAB_SCOPE, TEAMS_CLIENT_IDS } from './teams-clients';
import { EntraUnreachableError, isKeyLookupError, refusalOf, TokenRefusedError } from './token-errors';
import { principalOf, userClaimsSchema } from './user-claims';

export interface EntraVerifierOptions extends EntraSettings {
  /** Where the signing keys are fetched (ENTRA_AUTHORITY_HOST). Default https://login.microsoftonline.com; tests use a local server. */
  authorityHost?: string;
  /** Give up on fetching the keys after this long. Default 5 s. */
  jwksTimeoutMs?: number;
  /** What "now" is when checking exp and nbf: the app's clock. */
  clock: Clock;
}

const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';
// Teams hands out cached tokens right up to their expiry; a little skew between clocks is normal.
const CLOCK_TOLERANCE_SECONDS = 120;

/** What routing needs before the signature is checked: which tenant's keys, which issuer. */
const unverifiedSchema = z.object({ tid: z.guid(), ver: z.string().optional() });

/** A delegated user token: what makes it one besides tid and oid. */
const delegationSchema = z.object({
  scp: z.string().optional(),
  idtyp: z.string().optional(),
  azp: z.string().optional(),
  appid: z.string().optional(),
});

/** Entra issues v1.0 and v2.0 tokens with differently shaped issuers (DESIGN.md section 7). */
function issuerFor(version: string | undefined, tenantId: string, authority: string): string | undefined {
  switch (version) {
    case '2.0':
      return `${authority}/${tenantId}/v2.0`;
    case '1.0':
      return `https://sts.windows.net/${tenantId}/`;
    default:
      return undefined;
  }
}

/**
 * Verifies Teams SSO tokens: RS256 by the tenant's Microsoft Entra keys, our audience (client id or
 * App ID URI), the issuer of the token's version and tenant, and the tenant on the allowed list.
 */
export class EntraTokenVerifier implements TokenVerifier {
  private readonly audiences: string[];
  private readonly tenants: Set<string>;
  private readonly authority: string;
  // One key set per allowed tenant, so the map stays as small as the allow list.
  private readonly keySets = new Map<string, JWTVerifyGetKey>();

  constructor(private readonly options: EntraVerifierOptions) {
    this.audiences = [options.clientId, ...(options.tabHost ? [`api://${options.tabHost}/${options.clientId}`] : [])];
    this.tenants = new Set(options.tenantIds.map((id) => id.toLowerCase()));
    this.authority = (options.authorityHost ?? DEFAULT_AUTHORITY).replace(/\/+$/, '');
  }

  async verify(token: string): Promise<Principal> {
    const unverified = this.peek(token);
    const tenantId = unverified.tid.toLowerCase();
    // Checked before any fetch: a token from elsewhere must not make us call out for its tenant's keys.
    if (!this.tenants.has(tenantId)) throw new TokenRefusedError('tenant-not-allowed');
    const issuer = issuerFor(unverified.ver, unverified.tid, this.authority);
    if (issuer === undefined) throw new TokenRefusedError('unsupported-version');

    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.keySetOf(tenantId), {
        algorithms: ['RS256'],
        audience: this.audiences,
        issuer,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: this.options.clock(),
        requiredClaims: ['exp', 'tid'],
      }));
    } catch (err) {
      if (err instanceof EntraUnreachableError) throw err;
      const reason = refusalOf(err);
      if (reason === undefined) throw err;
      throw new TokenRefusedError(reason);
    }
    const claims = userClaimsSchema.safeParse(payload);
    const delegation = delegationSchema.safeParse(payload);
    if (!claims.success || !delegation.success) throw new TokenRefusedError('missing-claim');
    const d = delegation.data;
    // An app-only token (client credentials) has no user: it must never act as one.
    if (d.idtyp === 'app' || !(d.scp ?? '').split(' ').includes(TAB_SCOPE)) throw new TokenRefusedError('not-delegated');
    const client = d.azp ?? d.appid;
    if (client !== undefined && !TEAMS_CLIENT_IDS.has(client.toLowerCase())) throw new TokenRefusedError('unknown-client');
    return principalOf(claims.data);
  }

  private peek(token: string): z.infer<typeof unverifiedSchema> {
    let claims: unknown;
    try {
      claims = decodeJwt(token);
    } catch {
      throw new TokenRefusedError('malformed');
    }
    const parsed = unverifiedSchema.safeParse(claims);
    if (!parsed.success) throw new TokenRefusedError('missing-claim');
    return parsed.data;
  }

  private keySetOf(tenantId: string): JWTVerifyGetKey {
    let keySet = this.keySets.get(tenantId);
    if (keySet === undefined) {
      const remote = createRemoteJWKSet(new URL(`${this.authority}/${tenantId}/discovery/v2.0/keys`), {
        timeoutDuration: this.options.jwksTimeoutMs ?? 5000,
      });
      // Only a failure to fetch the keys is Entra's fault; a key that is not there is the token's.
      keySet = async (header, token) => {
        try {
          return await remote(header, token);
        } catch (err) {
          if (isKeyLookupError(err)) throw err;
          throw new EntraUnreachableError();
        }
      };
      this.keySets.set(tenantId, keySet);
    }
    return keySet;
  }
}
