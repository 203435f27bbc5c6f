import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useState, useSyncExternalStore } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import type { SignInSession } from '../../teams/sign-in-session';
import { SIGN_IN_MESSAGES } from './sign-in-messages';

/** The session's current problem, re-rendering when it changes. */
export function useSignInProblem(session: SignInSession | undefined) {
  return useSyncExternalStore(
    (onChange) => session?.subscribe(onChange) ?? (() => undefined),
    () => session?.problem ?? null,
  );
}

/**
 * What to do when Teams SSO gives no token: consent in a sign-in window, or, when only an admin can
 * consent, whom to ask and where. Nothing is shown while sign-in works (or outside Teams).
 */
export function SignInNotice(props: { session: SignInSession | undefined }) {
  const { locale } = useI18n();
  const problem = useSignInProblem(props.session);
  if (problem === null || props.session === undefined) return null;
  const text = SIGN_IN_MESSAGES[locale.language];
  const { title, body } = text.problems[problem.problem];
  const session = props.session;
  return (
    <MessageBar intent={problem.problem === 'admin-consent-required' ? 'warning' : 'error'} layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body}
        <Caption1 block>
          {text.detail}: {problem.detail}
        </Caption1>
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={() => void session.retry()}>{text.signIn}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/**
 * Counts recoveries: goes up each time a sign-in problem clears, so the pages that failed for want of
 * a token load again (the tab keys them on it) without the user reloading the tab.
 */
export function useSignInRecoveries(session: SignInSession | undefined): number {
  const problem = useSignInProblem(session);
  const [state, setState] = useState({ hadProblem: false, recoveries: 0 });
  if (problem !== null && !state.hadProblem) setState({ hadProblem: true, recoveries: state.recoveries });
  if (problem === null && state.hadProblem) setState({ hadProblem: false, recoveries: state.recoveries + 1 });
  return state.recoveries;
}
