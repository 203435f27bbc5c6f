import type { Config } from '../../config/config';
import { MsalTokenProvider, type ClientCredentialClientFactory } from './msal-token-provider';
import { StaticTokenProvider } from './static-token-provider';
import type { TokenProvider } from './token-provider';

export function createTokenProvider(auth: Config['auth'], msalFactory?: ClientCredentialClientFactory): TokenProvider {
  switch (auth.mode) {
    case 'static':
      return new StaticTokenProvider(auth.token);
    case 'msal':
      return new MsalTokenProvider({ tenantId: auth.tenantId, clientId: auth.clientId, clientSecret: auth.clientSecret }, msalFactory);
  }
}
