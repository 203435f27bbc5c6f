import { z } from 'zod';
import type { Principal } from './identity';

/** The claims that make a caller, as Entra puts them in v1.0 and v2.0 access tokens. */
export const userClaimsSchema = z.object({
  tid: z.guid(),
  oid: z.string().min(1),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
  upn: z.string().optional(),
  email: z.string().optional(),
  roles: z.array(z.string()).optional(),
  /** Seconds since the epoch; the verifier requires it. */
  exp: z.number().optional(),
  // acct 1: a guest account; idp: the identity provider of a user from elsewhere (B2B guest, MSA).
  acct: z.number().optional(),
  idp: z.string().optional(),
});
export type UserClaims = z.infer<typeof userClaimsSchema>;

/** A guest signs in through another identity provider than its tenant's own. */
function isGuest(c: UserClaims): boolean {
  if (c.acct === 1) return true;
  return c.idp !== undefined && !c.idp.toLowerCase().includes(c.tid.toLowerCase());
}

export function principalOf(c: UserClaims): Principal {
  const email = c.preferred_username ?? c.upn ?? c.email;
  return {
    user: {
      kind: 'user',
      tenantId: c.tid.toLowerCase(),
      objectId: c.oid.toLowerCase(),
      name: c.name ?? email ?? c.oid,
      appRoles: c.roles ?? [],
      guest: isGuest(c),
    },
    ...(email ? { email } : {}),
    ...(c.exp === undefined ? {} : { expiresAt: new Date(c.exp * 1000) }),
  };
}
