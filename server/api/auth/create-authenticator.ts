import type { IncomingHttpHeaders } from 'node:http';
import type { Setup } from '../../../service/setup/setup-schema';
import { ApiError } from '../api-error';
import { decodeUnverified } from './decode-unverified';
import type { Authenticator, Identity, Principal, TokenVerifier } from './identity';
import { rolesFor } from './roles';

export interface AuthenticatorOptions {
  mode: 'sandbox' | 'live';
  currentSetup: () => Promise<Setup>;
  /** Absent until the security issue adds JWKS verification: live mode then refuses every token. */
  verifier?: TokenVerifier;
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

/** The Teams SSO bearer token → the caller, with roles from the setup. */
export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const principalOf = async (token: string): Promise<Principal> => {
    if (options.verifier) return options.verifier.verify(token);
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
