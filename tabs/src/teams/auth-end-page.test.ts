import { completeSignIn, signInOutcome, type AuthEndSdk } from './auth-end-page';

function fakeSdk(): AuthEndSdk & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    initialize: async () => void calls.push('initialize'),
    notifySuccess: (result) => void calls.push(`success ${result}`),
    notifyFailure: (reason) => void calls.push(`failure ${reason}`),
  };
}

describe("the sign-in window's last page (/auth-end)", () => {
  it('hands the state back to the tab when Entra answered with a code', async () => {
    const sdk = fakeSdk();
    await completeSignIn({ hash: '#code=0.AAA&state=abc123&session_state=x', search: '' }, sdk);
    expect(sdk.calls).toEqual(['initialize', 'success abc123']);
  });

  it("passes Entra's error and description on, so the tab can tell admin consent apart", async () => {
    const sdk = fakeSdk();
    const hash = `#error=consent_required&error_description=${encodeURIComponent('AADSTS65001: The user or administrator has not consented.')}&state=abc123`;
    await completeSignIn({ hash, search: '' }, sdk);
    expect(sdk.calls).toEqual(['initialize', 'failure consent_required: AADSTS65001: The user or administrator has not consented.']);
  });

  it('reads an error from the query too, and fails when there is no answer at all', () => {
    expect(signInOutcome({ hash: '', search: '?error=access_denied&error_description=AADSTS65004' })).toEqual({
      ok: false,
      reason: 'access_denied: AADSTS65004',
    });
    expect(signInOutcome({ hash: '', search: '' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^no_answer/) });
    expect(signInOutcome({ hash: '#code=x', search: '' })).toMatchObject({ ok: false });
  });
});
