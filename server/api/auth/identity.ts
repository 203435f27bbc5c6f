import type { IncomingHttpHeaders } from 'node:http';
import type { Role } from '../../../tabs/src/api/contract';

/** Who calls the API, with what they may do. */
export interface Identity {
  /** The Entra object id (oid), or 'dev-user' for the sandbox's local identity. */
  id: string;
  name: string;
  email?: string;
  roles: Role[];
}

/** Turns a request's headers into the caller's identity; throws ApiError('unauthenticated') when it cannot. */
export interface Authenticator {
  authenticate(headers: IncomingHttpHeaders): Promise<Identity>;
}

/** The caller as the token names them, before the setup's role lists are applied. */
export interface Principal {
  id: string;
  name: string;
  email?: string;
  /** Entra app roles from the token's `roles` claim, as sent. */
  appRoles: string[];
}

/** Checks a bearer token's signature, audience, issuer and tenant (live mode: EntraTokenVerifier). */
export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

/** How runs and setup changes record who asked. */
export const actorOf = (identity: Identity): string => identity.email ?? identity.id;
