import type { TokenProvider } from './token-provider';

/** AUTH_MODE=static: one pre-issued token for every scope (the sandbox emulators, a token pasted for a test). */
export class StaticTokenProvider implements TokenProvider {
  constructor(private readonly token: string) {}

  async getToken(): Promise<string> {
    return this.token;
  }
}
