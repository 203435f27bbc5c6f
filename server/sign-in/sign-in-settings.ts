import { readEntraSettings } from '../api/auth/entra-settings';
import type { Env } from '../../service/config/env-files';

/** What the consent window needs to send a user to Microsoft Entra and back. */
export interface SignInSettings {
  clientId: string;
  /** Tenants whose users may sign in (lower case), the home tenant first. */
  tenantIds: string[];
  /** The scope Teams SSO asks for: `api://<tab host>/<client id>/access_as_user`. */
  scope: string;
  /** TAB_ENDPOINT + /auth-end: the redirect URI aad.manifest.json registers. */
  redirectUri: string;
  /** Microsoft Entra's sign-in host. */
  authorityHost: string;
}

export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';

/** From the same variables the token verifier reads; undefined while AAD_CLIENT_ID, AAD_TENANT_ID or TAB_ENDPOINT is unset. */
export function readSignInSettings(env: Env, authorityHost = DEFAULT_AUTHORITY_HOST): SignInSettings | undefined {
  const entra = readEntraSettings(env);
  const tabEndpoint = env['TAB_ENDPOINT']?.trim().replace(/\/+$/, '');
  if (entra === undefined || entra.tabHost === undefined || !tabEndpoint) return undefined;
  return {
    clientId: entra.clientId,
    tenantIds: entra.tenantIds,
    scope: `api://${entra.tabHost}/${entra.clientId}/access_as_user`,
    redirectUri: `${tabEndpoint}/auth-end`,
    authorityHost: authorityHost.replace(/\/+$/, ''),
  };
}
