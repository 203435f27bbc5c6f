import type { IncomingHttpHeaders } from 'node:http';
import type { UserIdentity } from '../../../service/identity/identity';
import type { Role } from '../../../contract/api-contract';

/** Who calls the API, with what they may do. */
export interface Identity {
  /**
   * How the setup's role lists name this caller: the object id for a user of the home tenant,
   * `<tenant id>/<object id>` for one of another allowed tenant; 'dev-user' for the sandbox's local identity.
   */
  id: string;
  name: string;
  /** Shown to the user only: never matched (any tenant can claim any address). */
  email?: string;
  roles: Role[];
}

/** Turns a request's headers into the caller's identity; throws ApiError('unauthenticated') when it cannot. */
export interface Authenticator {
  authenticate(headers: IncomingHttpHeaders): Promise<Identity>;
}

/** The caller as the token names them, before roles are decided. */
export interface Principal {
  user: UserIdentity;
  /** The sign-in name, for display. */
  email?: string;
  /** The token's `exp`: how long its app roles hold for the bot and the CLI (AppRoleGrants). Absent only from an unchecked sandbox token without one. */
  expiresAt?: Date;
}

/** Checks a bearer token's signature, audience, issuer, tenant and kind (live mode: EntraTokenVerifier). */
export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

/** How runs and setup changes record who asked: the stable id, never a claimed email. */
export const actorOf = (identity: Identity): string => identity.id;
