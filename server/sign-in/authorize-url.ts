import { z } from 'zod';
import type { SignInSettings } from './sign-in-settings';

/** The query the tab puts on /auth-start (tabs/src/teams/host.ts authStartUrl). */
export const authStartQuerySchema = z.strictObject({
  // The tab's 128-bit hex state; /auth-end hands it back so the tab knows the answer is to its request.
  state: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/),
  tenant: z.guid().optional(),
  loginHint: z.string().min(1).max(256).optional(),
});
export type AuthStartQuery = z.infer<typeof authStartQuerySchema>;

/**
 * Microsoft Entra's authorize endpoint for the consent window: the authorization code flow with the
 * answer in the fragment, so it never reaches a server log. The code is not redeemed: the window is
 * there for Entra to show its sign-in and consent pages; the tab then asks Teams for its token again.
 * A tenant not on the allowed list is not sent to Entra: the home tenant is used instead.
 */
export function authorizeUrl(settings: SignInSettings, query: AuthStartQuery): string {
  const requested = query.tenant?.toLowerCase();
  const tenant = requested !== undefined && settings.tenantIds.includes(requested) ? requested : settings.tenantIds[0]!;
  const params = new URLSearchParams({
    client_id: settings.clientId,
    response_type: 'code',
    response_mode: 'fragment',
    redirect_uri: settings.redirectUri,
    scope: `${settings.scope} openid profile`,
    state: query.state,
  });
  if (query.loginHint !== undefined) params.set('login_hint', query.loginHint);
  return `${settings.authorityHost}/${encodeURIComponent(tenant)}/oauth2/v2.0/authorize?${params.toString()}`;
}
