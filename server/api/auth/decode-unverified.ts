import { z } from 'zod';
import { ApiError } from '../api-error';
import type { Principal } from './identity';

const claimsSchema = z.object({
  oid: z.string().min(1).optional(),
  sub: z.string().min(1).optional(),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
  upn: z.string().optional(),
  email: z.string().optional(),
  roles: z.array(z.string()).optional(),
});

const bad = () => new ApiError('unauthenticated', 'The bearer token is not a readable JWT');

/**
 * The claims of a JWT WITHOUT checking its signature. Only the sandbox (both APIs emulated on
 * loopback) uses this, so that the tab inside a developer's Teams works before verification exists.
 */
export function decodeUnverified(token: string): Principal {
  const [, payload] = token.split('.');
  if (payload === undefined || token.split('.').length !== 3) throw bad();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const claims = claimsSchema.safeParse(json);
  const id = claims.data?.oid ?? claims.data?.sub;
  if (!claims.success || id === undefined) throw bad();
  const email = claims.data.preferred_username ?? claims.data.upn ?? claims.data.email;
  return { id, name: claims.data.name ?? email ?? id, ...(email ? { email } : {}), appRoles: claims.data.roles ?? [] };
}
