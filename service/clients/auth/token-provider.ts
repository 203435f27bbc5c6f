/** Gives a bearer token for an OAuth scope; implementations cache and refresh as they see fit. */
export interface TokenProvider {
  getToken(scope: string): Promise<string>;
}

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
export const BUSINESS_CENTRAL_SCOPE = 'https://api.businesscentral.dynamics.com/.default';

/** Raised when no token could be had; never carries the secret or a token. */
export class TokenError extends Error {
  constructor(
    readonly scope: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Could not get an access token for ${scope}: ${detail}`, options);
    this.name = 'TokenError';
  }
}
