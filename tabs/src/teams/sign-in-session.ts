import { asSsoError, needsInteraction, popupProblem, SsoError, type SsoProblem } from './sso-failure';

export interface SignInSessionOptions {
  /** Teams' silent SSO (authentication.getAuthToken). */
  getAuthToken(): Promise<string>;
  /** Teams' sign-in window (authentication.authenticate) at `url`; resolves with what /auth-end notifies. */
  authenticate(url: string): Promise<string>;
  /** The sign-in window's first page; `state` comes back from /auth-end on success. */
  startUrl(state: string): string;
  /** A fresh unguessable state per window (crypto in the browser, a seeded source in tests). */
  newState(): string;
}

export type SignInListener = (problem: SsoError | null) => void;

/**
 * Teams SSO with consent: a silent token when Teams has one; when Entra wants the user to consent or
 * sign in first, one sign-in window (shared by every request waiting for it), then a silent token
 * again. A window that fails leaves the problem for the tab to show, and no further window opens by
 * itself until the user asks (`retry`), so a page that polls does not pop a window every few seconds.
 */
export class SignInSession {
  private window: Promise<void> | null = null;
  private current: SsoError | null = null;
  private readonly listeners = new Set<SignInListener>();

  constructor(private readonly options: SignInSessionOptions) {}

  /** The problem the user should see, or null. */
  get problem(): SsoError | null {
    return this.current;
  }

  subscribe(listener: SignInListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async getToken(): Promise<string> {
    try {
      const token = await this.options.getAuthToken();
      this.report(null);
      return token;
    } catch (error) {
      if (!needsInteraction(error)) throw this.report(asSsoError(error));
    }
    if (this.current !== null) throw this.current;
    await this.signInOnce();
    return this.silentAfterWindow();
  }

  /** From the user's click: opens the sign-in window again (a click also lets a browser open it). */
  async retry(): Promise<void> {
    try {
      await this.signInOnce();
      await this.silentAfterWindow();
    } catch {
      // The problem is reported to the listeners; the click has nothing more to show.
    }
  }

  private async silentAfterWindow(): Promise<string> {
    try {
      const token = await this.options.getAuthToken();
      this.report(null);
      return token;
    } catch (error) {
      // Consent was given in the window, yet Teams still has no token: what is missing is an admin's.
      throw this.report(needsInteraction(error) ? new SsoError('admin-consent-required', asSsoError(error).detail) : asSsoError(error));
    }
  }

  private signInOnce(): Promise<void> {
    this.window ??= this.openWindow().finally(() => {
      this.window = null;
    });
    return this.window;
  }

  private async openWindow(): Promise<void> {
    const state = this.options.newState();
    let answer: string;
    try {
      answer = await this.options.authenticate(this.options.startUrl(state));
    } catch (error) {
      throw this.report(popupProblem(error));
    }
    if (answer !== state) throw this.report(new SsoError('failed', 'the sign-in window answered for another request'));
  }

  private report<E extends SsoError | null>(problem: E): E {
    if (problem !== this.current) {
      this.current = problem;
      for (const listener of this.listeners) listener(problem);
    }
    return problem;
  }
}

export type { SsoProblem };
