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
export function createClients(config: Pick<Config, 'auth' | 'graph' | 'bc' | 'httpTimeoutMs'>, logger?: Logger): Clients {
  const tokenProvider = createTokenProvider(config.auth);
  // A batch still gets a tenth of the base timeout per operation, as the default 30 s + 3 s does.
  const timeout = config.httpTimeoutMs === undefined ? {} : { timeoutMs: config.httpTimeoutMs };
  const batchTimeout = config.httpTimeoutMs === undefined ? {} : { batchOperationTimeoutMs: Math.ceil(config.httpTimeoutMs / 10) };
  return {
    tokenProvider,
    bookings: new BookingsClient({ baseUrl: config.graph.baseUrl, tokenProvider, ...timeout, logger: logger?.child({ client: 'graph' }) }),
    businessCentral: new BusinessCentralClient({
      apiBaseUrl: config.bc.apiBaseUrl,
      companyId: config.bc.companyId,
      tokenProvider,
      ...timeout,
      ...batchTimeout,
      logger: logger?.child({ client: 'business-central' }),
    }),
  };
}
