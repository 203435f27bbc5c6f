/**
 * Why Teams SSO gave no token. teams-js rejects with an Error whose message is the host's reason
 * ("resourceRequiresConsent", "consent_required", "CancelledByUser", ...) or what our /auth-end page
 * passed to notifyFailure ("<error>: <AADSTS... description>").
 */
export type SsoProblem =
  /** Only an admin can grant what the app asks for (AADSTS65001 after the consent window, AADSTS90094). */
  | 'admin-consent-required'
  /** The user closed the sign-in window or declined consent (AADSTS65004). */
  | 'cancelled'
  /** The browser blocked the sign-in window: it must be opened from a click. */
  | 'popup-blocked'
  | 'failed';

export class SsoError extends Error {
  override readonly name = 'SsoError';
  constructor(
    readonly problem: SsoProblem,
    readonly detail: string,
  ) {
    super(`Teams sign-in failed (${problem}): ${detail}`);
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

// What Teams answers when the user (or the tenant) must first see Entra's consent or sign-in page.
const NEEDS_INTERACTION =
  /resourceRequiresConsent|consent_required|interaction_required|login_required|invalid_grant|AADSTS65001|AADSTS50076|AADSTS50079|AADSTS50058/i;

/** getAuthToken failed: does a sign-in window have a chance to fix it? */
export function needsInteraction(error: unknown): boolean {
  return NEEDS_INTERACTION.test(messageOf(error));
}

// After the consent window: still "not consented" means the user may not consent to it themself.
const ADMIN_CONSENT = /AADSTS65001|AADSTS90094|AADSTS90008|admin_consent|consent_required/i;
const CANCELLED = /CancelledByUser|AADSTS65004|access_denied/i;
const POPUP_BLOCKED = /FailedToOpenWindow/i;

/** authenticate (the sign-in window) failed → the problem to tell the user. */
export function popupProblem(error: unknown): SsoError {
  const message = messageOf(error);
  if (ADMIN_CONSENT.test(message)) return new SsoError('admin-consent-required', message);
  if (POPUP_BLOCKED.test(message)) return new SsoError('popup-blocked', message);
  if (CANCELLED.test(message)) return new SsoError('cancelled', message);
  return new SsoError('failed', message);
}

export function asSsoError(error: unknown): SsoError {
  return error instanceof SsoError ? error : new SsoError('failed', messageOf(error));
}
