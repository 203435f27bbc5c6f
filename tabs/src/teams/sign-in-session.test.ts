import { SignInSession } from './sign-in-session';
import { needsInteraction, popupProblem } from './sso-failure';
import { FakeTeamsAuth } from './testing/fake-teams-auth';

const session = (auth: FakeTeamsAuth) => new SignInSession(auth);

describe('Teams SSO with a consent window', () => {
  it('takes the silent token when Teams has one, without a window', async () => {
    const auth = new FakeTeamsAuth([{ token: 't1' }]);
    await expect(session(auth).getToken()).resolves.toBe('t1');
    expect(auth.calls).toEqual(['getAuthToken']);
  });

  it('on consent required opens the window at /auth-start, then asks Teams again', async () => {
    const auth = new FakeTeamsAuth([{ error: 'resourceRequiresConsent' }, { token: 't2' }], [{ token: 'state-1' }]);
    const s = session(auth);
    await expect(s.getToken()).resolves.toBe('t2');
    expect(auth.calls).toEqual(['getAuthToken', 'authenticate /auth-start?state=state-1', 'getAuthToken']);
    expect(s.problem).toBeNull();
  });

  it('opens one window for every request waiting at once', async () => {
    const auth = new FakeTeamsAuth(
      [{ error: 'consent_required' }, { error: 'consent_required' }, { error: 'consent_required' }, { token: 'a' }, { token: 'b' }, { token: 'c' }],
      [{ token: 'state-1' }],
    );
    const s = session(auth);
    await expect(Promise.all([s.getToken(), s.getToken(), s.getToken()])).resolves.toEqual(['a', 'b', 'c']);
    expect(auth.calls.filter((c) => c.startsWith('authenticate'))).toEqual(['authenticate /auth-start?state=state-1']);
  });

  it('says an admin must consent when Entra answers AADSTS65001 in the window, and opens no second window by itself', async () => {
    const auth = new FakeTeamsAuth(
      [{ error: 'resourceRequiresConsent' }, { error: 'resourceRequiresConsent' }],
      [{ error: 'consent_required: AADSTS65001: The user or administrator has not consented to use the application.' }],
    );
    const s = session(auth);
    const seen: Array<string | null> = [];
    s.subscribe((p) => seen.push(p?.problem ?? null));
    await expect(s.getToken()).rejects.toMatchObject({ problem: 'admin-consent-required' });
    await expect(s.getToken()).rejects.toMatchObject({ problem: 'admin-consent-required' });
    expect(auth.calls).toEqual(['getAuthToken', 'authenticate /auth-start?state=state-1', 'getAuthToken']);
    expect(seen).toEqual(['admin-consent-required']);
    expect(s.problem?.detail).toContain('AADSTS65001');
  });

  it('takes consent given in the window that Teams still does not honour as an admin matter', async () => {
    const auth = new FakeTeamsAuth([{ error: 'consent_required' }, { error: 'resourceRequiresConsent' }], [{ token: 'state-1' }]);
    await expect(session(auth).getToken()).rejects.toMatchObject({ problem: 'admin-consent-required' });
  });

  it("retries from the user's click after a blocked window, and the problem clears", async () => {
    const auth = new FakeTeamsAuth(
      [{ error: 'interaction_required' }, { token: 't3' }, { token: 't4' }],
      [{ error: 'FailedToOpenWindow' }, { token: 'state-2' }],
    );
    const s = session(auth);
    const seen: Array<string | null> = [];
    s.subscribe((p) => seen.push(p?.problem ?? null));
    await expect(s.getToken()).rejects.toMatchObject({ problem: 'popup-blocked' });
    await s.retry();
    expect(s.problem).toBeNull();
    await expect(s.getToken()).resolves.toBe('t4');
    expect(seen).toEqual(['popup-blocked', null]);
  });

  it('refuses an answer for another window', async () => {
    const auth = new FakeTeamsAuth([{ error: 'consent_required' }], [{ token: 'state-9' }]);
    await expect(session(auth).getToken()).rejects.toMatchObject({ problem: 'failed' });
  });

  it('does not open a window for failures a window cannot fix', async () => {
    const auth = new FakeTeamsAuth([{ error: 'App resource defined in manifest and iframe origin do not match' }]);
    const s = session(auth);
    await expect(s.getToken()).rejects.toMatchObject({ problem: 'failed' });
    expect(auth.calls).toEqual(['getAuthToken']);
    expect(s.problem?.detail).toBe('App resource defined in manifest and iframe origin do not match');
  });
});

describe('reading Teams and Entra failures', () => {
  it.each(['resourceRequiresConsent', 'consent_required', 'interaction_required', 'AADSTS65001: not consented', 'invalid_grant'])(
    '%s needs the window',
    (message) => expect(needsInteraction(new Error(message))).toBe(true),
  );
  it.each(['resourceDisabled', 'CancelledByUser', 'App resource defined in manifest and iframe origin do not match'])('%s does not', (message) =>
    expect(needsInteraction(new Error(message))).toBe(false),
  );
  it.each([
    ['consent_required: AADSTS65001: The user or administrator has not consented', 'admin-consent-required'],
    ['access_denied: AADSTS90094: The grant requires admin permission.', 'admin-consent-required'],
    ['access_denied: AADSTS65004: User declined to consent', 'cancelled'],
    ['CancelledByUser', 'cancelled'],
    ['FailedToOpenWindow', 'popup-blocked'],
    ['server_error: AADSTS50000', 'failed'],
  ])('a window failing with %s is %s', (message, problem) => expect(popupProblem(new Error(message)).problem).toBe(problem));
});
