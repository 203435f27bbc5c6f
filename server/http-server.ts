import restify from 'restify';
import type { Logger } from '../service/logging/logger';
import { registerApi, type ApiDeps } from './api/register-api';
import { registerLegalPages } from './legal/legal-pages';
import { registerSignInPages, signInPagesOptions, type SignInPagesOptions } from './sign-in/sign-in-pages';
import { RateLimiter, type RateLimit } from './http/rate-limiter';
import { applyTimeouts, DEFAULT_TIMEOUTS, type Timeouts } from './http/request-deadline';
import { guardRequest, sandboxHostVerdict } from './http/request-guard';
import { clientAddress } from './http/client-address';
import { isApiPath, isBotEndpoint, routedPath } from './http/routed-path';
import { securityHeaders } from './http/security-headers';

export interface HealthSource {
  mode: 'sandbox' | 'live';
  store: 'sqlite' | 'postgres';
  /** Resolves when the database answers; rejects otherwise. */
  ping(): Promise<void>;
}

export interface HttpLimits {
  /** Every /api/ request, per client address (clientAddress), before authentication. Default 600 a minute. */
  perAddress: RateLimit;
  /** Mutating API requests per signed-in user. Default 60 a minute. */
  perUser: RateLimit;
}

export const DEFAULT_LIMITS: HttpLimits = {
  perAddress: { limit: 600, windowMs: 60_000 },
  perUser: { limit: 60, windowMs: 60_000 },
};

export interface HttpServerDeps {
  health: HealthSource;
  logger: Logger;
  /** The tab's JSON API and the built tab: AppServices, and optionally another authenticator. */
  api: ApiDeps;
  /** The SSO consent window's pages. Default: in live mode, from the Entra settings in the environment. */
  signIn?: SignInPagesOptions;
  limits?: HttpLimits;
  timeouts?: Timeouts;
  /** The rate limiters' clock. Default: the system clock. */
  clock?: () => Date;
  /** Reverse proxies in front whose X-Forwarded-For entries name the client (clientAddress). Default 0. */
  trustedProxyHops?: number;
}

type Next = (err?: false) => void;

/** The process's one HTTP server: the tab's JSON API, the bot endpoint and the built tab all hang off it. */
export function createHttpServer(deps: HttpServerDeps): restify.Server {
  const mode = deps.health.mode;
  const clock = deps.clock ?? (() => new Date());
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const perAddress = new RateLimiter(limits.perAddress, clock);
  const headers = securityHeaders(mode);
  const server = restify.createServer({
    name: 'bookings-invoicing',
    handleUncaughtExceptions: false,
    // Bookings appointment ids run past find-my-way's default of 100 characters.
    maxParamLength: 1024,
  });
  applyTimeouts(server.server, deps.timeouts ?? DEFAULT_TIMEOUTS);

  // Before routing, so every answer (404s and the router's own refusals included) carries the headers.
  server.pre((req: restify.Request, res: restify.Response, next: Next) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const refuse = (status: number, code: string, message: string, extra: Record<string, string> = {}) => {
      for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
      res.setHeader('connection', 'close');
      res.send(status, { error: { code, message } });
      return next(false);
    };
    // The path the router will match, escapes decoded: `/%61pi/me` is /api/me and is checked as such.
    const path = routedPath(req.url ?? '/');
    if (path === undefined) return refuse(400, 'invalid_request', 'The address is not valid');
    if (!isApiPath(path)) return next();
    const rate = perAddress.take(clientAddress(req, deps.trustedProxyHops ?? 0));
    if (!rate.ok) return refuse(429, 'busy', 'Too many requests; try again shortly', { 'retry-after': String(rate.retryAfterSeconds) });
    if (isBotEndpoint(path)) {
      // The bot endpoint has checks of its own (Bot Framework token, JSON, tenant, serviceUrl); the
      // sandbox, which takes activities without a token, still answers only on a loopback name.
      const host = sandboxHostVerdict(req, mode);
      return host.ok ? next() : refuse(host.status, host.code, host.message);
    }
    const guard = guardRequest(req, mode);
    if (!guard.ok) return refuse(guard.status, guard.code, guard.message);
    return next();
  });

  server.get('/api/health', async (_req, res) => {
    const { mode: healthMode, store } = deps.health;
    try {
      await deps.health.ping();
      res.send(200, { status: 'ok', mode: healthMode, store });
    } catch (e) {
      deps.logger.error({ err: e }, 'health check: database unreachable');
      res.send(503, { status: 'unavailable', mode: healthMode, store });
    }
  });
  registerLegalPages(server);
  registerSignInPages(server, deps.signIn ?? signInPagesOptions(deps.health.mode, deps.api.services.config.security.entraAuthorityHost, deps.api.tabDir));
  registerApi(server, { ...deps.api, perUser: deps.api.perUser ?? new RateLimiter(limits.perUser, clock) });
  return server;
}

const LOOPBACK = '127.0.0.1';

/**
 * Where to listen: the sandbox trusts its callers (no token, a local development identity), so it
 * binds loopback unless HOST says otherwise, and then warns loudly. Live mode listens on HOST, or
 * every interface (behind the platform's TLS front end).
 */
export function listenHost(mode: 'sandbox' | 'live', host: string | undefined, warn: (message: string) => void): string | undefined {
  if (mode === 'live') return host;
  if (host === undefined || host === LOOPBACK || host === 'localhost' || host === '::1') return host ?? LOOPBACK;
  warn(
    `WARNING: sandbox mode listening on ${host} (HOST). The sandbox accepts unauthenticated requests with every role: ` +
      'anyone who can reach this address can read customer data and create invoices. Use it only on a network you trust.',
  );
  return host;
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
