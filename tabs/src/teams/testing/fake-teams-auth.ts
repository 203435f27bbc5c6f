import type { SignInSessionOptions } from '../sign-in-session';

type Answer = { token: string } | { error: string };

/**
 * Teams' authentication module as a script: each getAuthToken/authenticate call takes the next
 * scripted answer, and every call is recorded. A call beyond the script fails the test loudly.
 */
export class FakeTeamsAuth implements SignInSessionOptions {
  readonly calls: string[] = [];
  private states = 0;

  constructor(
    private readonly silent: Answer[],
    private readonly windows: Answer[] = [],
  ) {}

  getAuthToken(): Promise<string> {
    this.calls.push('getAuthToken');
    return FakeTeamsAuth.answer(this.silent.shift(), 'getAuthToken');
  }

  authenticate(url: string): Promise<string> {
    this.calls.push(`authenticate ${url}`);
    return FakeTeamsAuth.answer(this.windows.shift(), 'authenticate');
  }

  startUrl(state: string): string {
    return `/auth-start?state=${state}`;
  }

  newState(): string {
    this.states += 1;
    return `state-${this.states}`;
  }

  private static answer(next: Answer | undefined, what: string): Promise<string> {
    if (next === undefined) return Promise.reject(new Error(`unscripted ${what}`));
    return 'token' in next ? Promise.resolve(next.token) : Promise.reject(new Error(next.error));
  }
}
