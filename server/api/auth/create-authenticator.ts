import type { IncomingHttpHeaders } from 'node:http';
import { PROJECT_ROOT } from '../../../service/config/config';
import { systemClock, type Clock } from '../../../service/domain/clock';
import { loadEnv, type Env } from '../../../service/config/env-files';
import { appRolesInUse, type AppRoleGrants } from '../../../service/identity/app-role-grants';
import { rolesFor, type RolePolicy } from '../../../service/identity/roles';
import type { Setup } from '../../../service/setup/setup-schema';
import { ApiError } from '../api-error';
import { decodeUnverified } from './decode-unverified';
import { readEntraSettings } from './entra-settings';
import { EntraTokenVerifier } from './entra-token-verifier';
import type { Authenticator, Identity, Principal, TokenVerifier } from './identity';

export interface AuthenticatorOptions {
  mode: 'sandbox' | 'live';
  currentSetup: () => Promise<Setup>;
  /** Where each verified token's app roles are kept for the bot and the CLI, and asked whether the home tenant uses app roles. */
  appRoleGrants: AppRoleGrants;
  /**
   * Checks bearer tokens. Default in live mode: Microsoft Entra verification configured from `env`
   * (without AAD_CLIENT_ID and AAD_TENANT_ID every token is refused); in the sandbox, none.
   */
  verifier?: TokenVerifier;
  /** Where live mode reads AAD_CLIENT_ID, AAD_TENANT_ID, TAB_ENDPOINT, ALLOWED_TENANT_IDS. Default: env files + process environment. */
  env?: Env;
  /** ENTRA_AUTHORITY_HOST (national clouds, tests). */
  authorityHost?: string;
  /** BOOTSTRAP_ADMIN_OID. */
  bootstrapAdminOid?: string;
  /** The live verifier's "now" for token lifetimes; default the real time. */
  clock?: Clock;
}

/** Outside Teams in the sandbox (no Authorization header): the person at this machine, an operator. */
export const SANDBOX_IDENTITY: Identity = { id: 'dev-user', name: 'Sandbox User', roles: ['admin', 'invoicer', 'reader'] };

function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new ApiError('unauthenticated', 'Use Authorization: Bearer <token from Teams SSO>');
  return match[1];
}

/** The caller's id as the setup's role lists name it (see Identity.id). */
function listIdOf(principal: Principal, home: string | undefined): string {
  const { tenantId, objectId } = principal.user;
  return tenantId === home ? objectId : `${tenantId}/${objectId}`;
}

/** The Teams SSO bearer token → the caller, with roles from the one rule (service/identity/roles.ts). */
export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const env = options.env ?? (options.verifier ? {} : loadEnv(process.env, PROJECT_ROOT));
  const settings = readEntraSettings(env);
  const verifier =
    options.verifier ??
    (options.mode === 'live' && settings
      ? new EntraTokenVerifier({ ...settings, ...(options.authorityHost ? { authorityHost: options.authorityHost } : {}), clock: options.clock ?? systemClock })
      : undefined);
  const configuredHome = env['AAD_TENANT_ID']?.trim().toLowerCase() || undefined;
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
      // A sandbox without AAD_TENANT_ID: the developer's own Teams tenant is the home one.
      const home = configuredHome ?? (options.mode === 'sandbox' && !options.verifier ? principal.user.tenantId : undefined);
      // Recorded before the first-run check below, so a caller's own app roles already count as the tenant's.
      if (principal.expiresAt !== undefined) await options.appRoleGrants.record(principal.user, principal.expiresAt);
      const policy: RolePolicy = {
        homeTenantId: home,
        appRolesInUse: await appRolesInUse(options.appRoleGrants, home),
        ...(options.bootstrapAdminOid ? { bootstrapAdminOid: options.bootstrapAdminOid } : {}),
      };
      return {
        id: listIdOf(principal, home),
        name: principal.user.name,
        ...(principal.email ? { email: principal.email } : {}),
        roles: rolesFor(principal.user, await options.currentSetup(), policy),
      };
    },
  };
}
