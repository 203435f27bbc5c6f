import type { Configuration, INetworkModule } from '@azure/msal-node';
import { TokenError, type TokenProvider } from './token-provider';

export interface MsalSettings {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Defaults to the public cloud. */
  authorityHost?: string;
  /** msal's transport; tests route it to a local fake token endpoint. */
  networkClient?: INetworkModule;
}

/** The part of msal's client we use, so that tests can hand in their own. */
export interface ClientCredentialClient {
  acquireTokenByClientCredential(request: { scopes: string[] }): Promise<{ accessToken: string } | null>;
}

export type ClientCredentialClientFactory = (configuration: Configuration) => ClientCredentialClient | Promise<ClientCredentialClient>;

/**
 * msal-node is loaded at the first token asked for, not at start-up: a sandbox process (static token)
 * never asks, and would otherwise keep the library's code in its heap for its whole life.
 */
const defaultFactory: ClientCredentialClientFactory = async (configuration) => {
  const { ConfidentialClientApplication } = await import('@azure/msal-node');
  return new ConfidentialClientApplication(configuration);
};

/** Client credentials (app-only) through msal-node, which caches each scope's token until shortly before expiry. */
export class MsalTokenProvider implements TokenProvider {
  private readonly configuration: Configuration;
  /** One client (and so one token cache) for every scope and caller, made at the first request. */
  private client: Promise<ClientCredentialClient> | undefined;

  constructor(
    settings: MsalSettings,
    private readonly factory: ClientCredentialClientFactory = defaultFactory,
  ) {
    const host = (settings.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
    this.configuration = {
      auth: {
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        authority: `${host}/${settings.tenantId}`,
      },
      ...(settings.networkClient ? { system: { networkClient: settings.networkClient } } : {}),
    };
  }

  async getToken(scope: string): Promise<string> {
    let result: { accessToken: string } | null;
    try {
      this.client ??= Promise.resolve(this.factory(this.configuration));
      result = await (await this.client).acquireTokenByClientCredential({ scopes: [scope] });
    } catch (error) {
      // msal's messages name the tenant and the AADSTS code, never the secret.
      throw new TokenError(scope, error instanceof Error ? error.message : String(error), { cause: error });
    }
    if (!result?.accessToken) throw new TokenError(scope, 'the identity platform returned no access token');
    return result.accessToken;
  }
}
