/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeApi } from '../../http/testing/fake-api';
import { SignInSession } from '../../teams/sign-in-session';
import { FakeTeamsAuth } from '../../teams/testing/fake-teams-auth';
import { renderWithApp } from '../../testing/render-with-app';
import { SignInNotice } from './sign-in-notice';

const ADMIN_CONSENT = 'consent_required: AADSTS65001: The user or administrator has not consented to use the application.';

async function failedSession(auth: FakeTeamsAuth): Promise<SignInSession> {
  const session = new SignInSession(auth);
  await session.getToken().catch(() => undefined);
  return session;
}

describe('the sign-in notice', () => {
  it('shows nothing while sign-in works', async () => {
    const session = new SignInSession(new FakeTeamsAuth([{ token: 't' }]));
    await session.getToken();
    renderWithApp(<SignInNotice session={session} />, { api: new FakeApi([]) });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('tells the user to ask their Microsoft 365 admin, and where, when only an admin can consent', async () => {
    const session = await failedSession(new FakeTeamsAuth([{ error: 'resourceRequiresConsent' }], [{ error: ADMIN_CONSENT }]));
    renderWithApp(<SignInNotice session={session} />, { api: new FakeApi([]) });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('An admin must approve Bookings Invoicing');
    expect(alert.textContent).toContain(
      'Ask your Microsoft 365 admin to grant consent to Bookings Invoicing in the Teams admin center (Teams apps → Manage apps → Bookings Invoicing → Permissions) or the Microsoft Entra admin center',
    );
    expect(alert.textContent).toContain('Global Administrator or a Privileged Role Administrator');
    expect(alert.textContent).toContain('AADSTS65001');
  });

  it('says it in Danish too', async () => {
    const session = await failedSession(new FakeTeamsAuth([{ error: 'resourceRequiresConsent' }], [{ error: ADMIN_CONSENT }]));
    renderWithApp(<SignInNotice session={session} />, { api: new FakeApi([]), lang: 'da-DK' });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('En administrator skal godkende Bookings Invoicing');
    expect(alert.textContent).toContain('Bed din Microsoft 365-administrator om at give samtykke til Bookings Invoicing i Teams-administrationscenteret');
    expect(screen.getByRole('button', { name: 'Log ind' })).toBeTruthy();
  });

  it('signs in again from its button after the window was closed, and goes away', async () => {
    const auth = new FakeTeamsAuth([{ error: 'consent_required' }, { token: 'after' }], [{ error: 'CancelledByUser' }, { token: 'state-2' }]);
    const session = await failedSession(auth);
    renderWithApp(<SignInNotice session={session} />, { api: new FakeApi([]) });
    expect(screen.getByRole('alert').textContent).toContain('Sign-in was not finished');
    void act(() => fireEvent.click(screen.getByRole('button', { name: 'Sign in' })));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(auth.calls).toEqual(['getAuthToken', 'authenticate /auth-start?state=state-1', 'authenticate /auth-start?state=state-2', 'getAuthToken']);
  });
});
