import type { IncomingHttpHeaders } from 'node:http';
import { PROJECT_ROOT } from '../../../service/config/config';
import { systemClock, type Clock } from '../../../service/domain/clock';
import { loadEnv, type Env } from '../../../service/config/env-files';
import type { Setup } from '../../../service/setup/setup-schema';
import { ApiError } from '../api-error';
import { decodeUnverified } from './decode-unverified';
import { readEntraSettings } from './entra-settings';
import { EntraTokenVerifier } from './entra-token-verifier';
import type { Authenticator, Identity, Principal, TokenVerifier } from './identity';
import { rolesFor } from './roles';

export interface AuthenticatorOptions {
  mode: 'sandbox' | 'live';
  currentSetup: () => Promise<Setup>;
  /**
   * Checks bearer tokens. Default in live mode: Microsoft Entra verification configured from `env`
   * (without AAD_CLIENT_ID and AAD_TENANT_ID every token is refused); in the sandbox, none.
   */
  verifier?: TokenVerifier;
  /** Where live mode reads AAD_CLIENT_ID, AAD_TENANT_ID, TAB_ENDPOINT, ALLOWED_TENANT_IDS. Default: env files + process environment. */
  env?: Env;
  /** The live verifier's "now" for token lifetimes; default the real time. */
  clock?: Clock;
}

/** Outside Teams in the sandbox (no Authorization header): a local identity that may do everything. */
export const SANDBOX_IDENTITY: Identity = { id: 'dev-user', name: 'Sandbox User', roles: ['admin', 'invoicer', 'reader'] };

function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new ApiError('unauthenticated', 'Use Authorization: Bearer <token from Teams SSO>');
  return match[1];
}

function liveVerifier(clock: Clock, env: Env = loadEnv(process.env, PROJECT_ROOT)): TokenVerifier | undefined {
  const settings = readEntraSettings(env);
  return settings ? new EntraTokenVerifier({ ...settings, clock }) : undefined;
}

/** The Teams SSO bearer token → the caller, with roles from the setup. */
export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const verifier = options.verifier ?? (options.mode === 'live' ? liveVerifier(options.clock ?? systemClock, options.env) : undefined);
  const principalOf = async (token: string): Promise<Principal> => {
    if (verifier) return verifier.verify(token);
    // Never accept an unchecked token outside the sandbox.
    if (options.mode !== 'sandbox') throw new ApiError('unauthenticated', 'Token verification is not configured');
    return decodeUnverified(token);
  };
  return {
    async authenticate(headers) {
      const token = bearerToken(headers);
      if (token === undefined) {
        if (options.mode === 'sandbox') return SANDBOX_IDENTITY;
        throw new ApiError('unauthenticated', 'Sign in: open the app in Teams (the API needs its single sign-on token)');
      }
      const principal = await principalOf(token);
      const setup = await options.currentSetup();
      return {
        id: principal.id,
        name: principal.name,
        ...(principal.email ? { email: principal.email } : {}),
        roles: rolesFor(principal, setup.roles),
      };
    },
  };
}
