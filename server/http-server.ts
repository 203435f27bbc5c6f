import restify from 'restify';
import type { Logger } from '../service/logging/logger';
import { registerApi, type ApiDeps } from './api/register-api';
import { registerLegalPages } from './legal/legal-pages';
import { registerSignInPages, signInPagesOptions, type SignInPagesOptions } from './sign-in/sign-in-pages';

export interface HealthSource {
  mode: 'sandbox' | 'live';
  store: 'sqlite' | 'postgres';
  /** Resolves when the database answers; rejects otherwise. */
  ping(): Promise<void>;
}

export interface HttpServerDeps {
  health: HealthSource;
  logger: Logger;
  /** The tab's JSON API and the built tab: AppServices, and optionally another authenticator. */
  api: ApiDeps;
  /** The SSO consent window's pages. Default: in live mode, from the Entra settings in the environment. */
  signIn?: SignInPagesOptions;
}

/** The process's one HTTP server: the tab's JSON API, the bot endpoint and the built tab all hang off it. */
export function createHttpServer(deps: HttpServerDeps): restify.Server {
  const server = restify.createServer({
    name: 'bookings-invoicing',
    handleUncaughtExceptions: false,
    // Bookings appointment ids run past find-my-way's default of 100 characters.
    maxParamLength: 1024,
  });
  server.get('/api/health', async (_req, res) => {
    const { mode, store } = deps.health;
    try {
      await deps.health.ping();
      res.send(200, { status: 'ok', mode, store });
    } catch (e) {
      deps.logger.error({ err: e }, 'health check: database unreachable');
      res.send(503, { status: 'unavailable', mode, store });
    }
  });
  registerLegalPages(server);
  registerSignInPages(server, deps.signIn ?? signInPagesOptions(deps.health.mode, deps.api.tabDir));
  registerApi(server, deps.api);
  return server;
}

export function listen(server: restify.Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.server.once('error', reject);
    const done = () => {
      server.server.off('error', reject);
      const address = server.address();
      resolve(address.port);
    };
    if (host) server.listen(port, host, done);
    else server.listen(port, done);
  });
}
