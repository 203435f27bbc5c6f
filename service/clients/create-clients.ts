import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import { createTokenProvider } from './auth/create-token-provider';
import type { TokenProvider } from './auth/token-provider';
import { BusinessCentralClient } from './business-central/business-central-client';
import { BookingsClient } from './graph/bookings-client';

export interface Clients {
  tokenProvider: TokenProvider;
  bookings: BookingsClient;
  businessCentral: BusinessCentralClient;
}

/** The process's Graph and Business Central clients, sharing one token provider. */
export function createClients(config: Pick<Config, 'auth' | 'graph' | 'bc'>, logger?: Logger): Clients {
  const tokenProvider = createTokenProvider(config.auth);
  return {
    tokenProvider,
    bookings: new BookingsClient({ baseUrl: config.graph.baseUrl, tokenProvider, logger: logger?.child({ client: 'graph' }) }),
    businessCentral: new BusinessCentralClient({
      apiBaseUrl: config.bc.apiBaseUrl,
      companyId: config.bc.companyId,
      tokenProvider,
      logger: logger?.child({ client: 'business-central' }),
    }),
  };
}
