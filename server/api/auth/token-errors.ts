import { errors } from 'jose';
import { ApiError } from '../api-error';

export type TokenRefusal =
  | 'malformed'
  | 'missing-claim'
  | 'unsupported-version'
  | 'tenant-not-allowed'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-audience'
  | 'wrong-issuer'
  | 'algorithm-not-allowed'
  | 'bad-signature'
  | 'not-delegated'
  | 'unknown-client';

function messageOf(reason: TokenRefusal): string {
  switch (reason) {
    case 'malformed':
      return 'The bearer token is not a readable JWT';
    case 'missing-claim':
      return 'The sign-in token lacks a claim the app needs (tid, oid, exp, scp)';
    case 'unsupported-version':
      return 'The sign-in token is neither a v1.0 nor a v2.0 Microsoft Entra token';
    case 'tenant-not-allowed':
      return 'Your organisation (Microsoft Entra tenant) is not allowed to use this app';
    case 'expired':
      return 'The sign-in token has expired; reopen the tab to sign in again';
    case 'not-yet-valid':
      return 'The sign-in token is not valid yet; check the server clock';
    case 'wrong-audience':
      return 'The sign-in token was issued for another app (wrong audience)';
    case 'wrong-issuer':
      return 'The sign-in token was not issued by Microsoft Entra for its tenant (wrong issuer)';
    case 'algorithm-not-allowed':
      return 'The sign-in token must be signed with RS256';
    case 'bad-signature':
      return "The sign-in token's signature does not match Microsoft Entra's signing keys";
    case 'not-delegated':
      return "The token must be a user's delegated token with the access_as_user scope, not an app-only token";
    case 'unknown-client':
      return 'The token was requested by an app other than Teams or Microsoft 365';
    default: {
      const unhandled: never = reason;
      return unhandled;
    }
  }
}

/** A bearer token refused (401); `reason` says why, the message says it to the user. */
export class TokenRefusedError extends ApiError {
  constructor(readonly reason: TokenRefusal) {
    super('unauthenticated', messageOf(reason));
    this.name = 'TokenRefusedError';
  }
}

/** Microsoft Entra's signing keys could not be fetched: the token may well be good, so 503, not 401. */
export class EntraUnreachableError extends ApiError {
  constructor() {
    super('unavailable', 'Cannot reach Microsoft Entra to verify the token');
    this.name = 'EntraUnreachableError';
  }
}

/** Errors from looking a key up in a JWKS that was fetched: the token's fault, not the network's. */
export const isKeyLookupError = (err: unknown): boolean =>
  err instanceof errors.JWKSNoMatchingKey ||
  err instanceof errors.JWKSMultipleMatchingKeys ||
  err instanceof errors.JOSEAlgNotAllowed ||
  err instanceof errors.JOSENotSupported;

/** jose's verdict on a token → why it was refused; a non-jose error is a bug, not a verdict (undefined). */
export function refusalOf(err: unknown): TokenRefusal | undefined {
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) {
    switch (err.claim) {
      case 'aud':
        return 'wrong-audience';
      case 'iss':
        return 'wrong-issuer';
      case 'nbf':
        return err.reason === 'check_failed' ? 'not-yet-valid' : 'malformed';
      default:
        return err.reason === 'missing' ? 'missing-claim' : 'malformed';
    }
  }
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported) return 'algorithm-not-allowed';
  if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) {
    return 'bad-signature';
  }
  // JWSInvalid, JWTInvalid and the rest: the token is not what a JWT from Entra looks like.
  if (err instanceof errors.JOSEError) return 'malformed';
  return undefined;
}
