/** The part of teams-js the sign-in window's last page uses, so tests can stand in for Teams. */
export interface AuthEndSdk {
  initialize(): Promise<void>;
  notifySuccess(result: string): void;
  notifyFailure(reason: string): void;
}

export type SignInOutcome = { ok: true; state: string } | { ok: false; reason: string };

// Entra's error descriptions can be long (trace ids, timestamps); the tab shows this one as a detail.
const MAX_REASON = 400;

/**
 * Microsoft Entra's answer on the redirect: `#code=...&state=...`, or `error` and
 * `error_description` (AADSTS65001 when consent is missing), in the fragment or, for some errors, the query.
 */
export function signInOutcome(location: Pick<Location, 'hash' | 'search'>): SignInOutcome {
  const answer = new URLSearchParams(location.hash.replace(/^#/, ''));
  const query = new URLSearchParams(location.search);
  const error = answer.get('error') ?? query.get('error');
  if (error !== null) {
    const description = answer.get('error_description') ?? query.get('error_description') ?? '';
    return { ok: false, reason: `${error}: ${description}`.trim().slice(0, MAX_REASON) };
  }
  const state = answer.get('state');
  if (answer.get('code') !== null && state !== null) return { ok: true, state };
  return { ok: false, reason: 'no_answer: Microsoft Entra sent no answer to the sign-in window' };
}

/** Tells the tab's authenticate() call how sign-in went (Teams then closes this window). */
export async function completeSignIn(location: Pick<Location, 'hash' | 'search'>, sdk: AuthEndSdk): Promise<SignInOutcome> {
  const outcome = signInOutcome(location);
  await sdk.initialize();
  if (outcome.ok) sdk.notifySuccess(outcome.state);
  else sdk.notifyFailure(outcome.reason);
  return outcome;
}
