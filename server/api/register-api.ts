import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type restify from 'restify';
import { z } from 'zod';
import type { AppServices } from '../../service/app/app-services';
import { PROJECT_ROOT } from '../../service/config/config';
import { CONTROL_CHARACTER_MESSAGE, findUnsafeText, hasControlCharacters } from '../../service/domain/safe-text';
import type { Env } from '../../service/config/env-files';
import { MAX_BODY_BYTES } from '../../contract/api-contract';
import type { Endpoint } from '../../contract/endpoints';
import { ApiError } from './api-error';
import { createAuthenticator } from './auth/create-authenticator';
import type { Authenticator } from './auth/identity';
import { readJsonBody } from './http/read-json-body';
import { queryParams } from './http/query-params';
import { sendDownload } from './http/send-download';
import { sendJson } from './http/send-json';
import { mapServiceError } from './map-service-error';
import type { Route } from './route';
import { API_ROUTES } from './routes';
import { RunGate } from './run-gate';
import type { RateLimiter } from '../http/rate-limiter';
import { createStaticTab } from './static-tab';

export interface ApiDeps {
  services: AppServices;
  /** Default: Teams SSO bearer tokens, with the sandbox's local identity (see auth/create-authenticator.ts). */
  authenticator?: Authenticator;
  /** Invoice runs the API lets run at once before answering 429. Default 2. */
  maxConcurrentRuns?: number;
  /** Default MAX_BODY_BYTES (64 KB). */
  maxBodyBytes?: number;
  /** The Vite build output. Default tabs/dist. */
  tabDir?: string;
  /** Where the default authenticator reads AAD_* settings (default: env files + process environment). */
  env?: Env;
  /** The time tokens are checked at (tests fix it). */
  clock?: () => Date;
  /** Mutating requests per signed-in user (createHttpServer supplies one). */
  perUser?: RateLimiter;
}

/** A user over their rate of changes: 429 with the seconds until their window resets. */
class RateLimitedError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super('busy', 'You are sending too many changes; try again shortly');
  }
}

const NO_INPUT = z.strictObject({});
/** POST, PUT and PATCH carry a body and change something; GET only reads. */
const hasBody = (endpoint: Endpoint): boolean => endpoint.method !== 'GET';
const MAX_PARAM_LENGTH = 512;

type Handler = (req: restify.Request, res: restify.Response) => Promise<void>;

function parseWith(schema: z.ZodType, input: unknown, code: 'invalid_body' | 'invalid_query'): unknown {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw ApiError.invalid(code, parsed.error.issues);
  return parsed.data;
}

function pathParams(req: restify.Request): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries((req.params ?? {}) as Record<string, unknown>)) {
    if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_PARAM_LENGTH) {
      throw new ApiError('not_found', `No such ${key}`);
    }
    if (hasControlCharacters(value)) throw new ApiError('invalid_path', `Invalid ${key}: ${CONTROL_CHARACTER_MESSAGE}`, { [key]: CONTROL_CHARACTER_MESSAGE });
    params[key] = value;
  }
  return params;
}

/** Control characters anywhere in the query string or the body are refused before any schema or handler sees them. */
function refuseControlCharacters(query: Record<string, string | string[]>, body: unknown): void {
  for (const [key, value] of Object.entries(query)) {
    if ([key, ...[value].flat()].some(hasControlCharacters)) {
      throw new ApiError('invalid_query', `Invalid query string: ${key}: ${CONTROL_CHARACTER_MESSAGE}`, { [key]: CONTROL_CHARACTER_MESSAGE });
    }
  }
  const path = findUnsafeText(body);
  if (path !== undefined) {
    const field = path.join('.');
    throw new ApiError('invalid_body', `Invalid request body: ${field || '(root)'}: ${CONTROL_CHARACTER_MESSAGE}`, { [field]: CONTROL_CHARACTER_MESSAGE });
  }
}

/** A request's path for the log and for answers: its query (a customer's email, a search) is personal data, and stays out. */
const pathOf = (req: IncomingMessage): string => new URL(req.url ?? '/', 'http://localhost').pathname;

/**
 * Mounts the tab's JSON API (API_ROUTES), a JSON 404 for any other /api/ path, and the built tab at
 * / and /tab/. Every error is answered here, as {error: {code, message, fields?}}.
 */
export function registerApi(server: restify.Server, deps: ApiDeps): void {
  const { services } = deps;
  const logger = services.logger.child({ component: 'api' });
  const { security } = services.config;
  const authenticator =
    deps.authenticator ??
    createAuthenticator({
      mode: services.config.mode,
      currentSetup: () => services.currentSetup(),
      appRoleGrants: services.appRoleGrants(deps.clock),
      authorityHost: security.entraAuthorityHost,
      ...(security.bootstrapAdminOid ? { bootstrapAdminOid: security.bootstrapAdminOid } : {}),
      ...(deps.env ? { env: deps.env } : {}),
      clock: deps.clock ?? services.clock,
    });
  const runs = new RunGate(deps.maxConcurrentRuns ?? 2);
  const maxBodyBytes = deps.maxBodyBytes ?? MAX_BODY_BYTES;

  const fail = (req: IncomingMessage, res: ServerResponse, err: unknown) => {
    const known = mapServiceError(err);
    if (known === undefined) {
      logger.error({ err, method: req.method, path: pathOf(req) }, 'API request failed');
      sendJson(res, 500, new ApiError('internal', 'Something went wrong on the server; it has been logged').toBody());
      return;
    }
    if (known.status >= 500) logger.error({ err, method: req.method, path: pathOf(req) }, 'API request failed');
    const retryAfter = known instanceof RateLimitedError ? known.retryAfterSeconds : 5;
    sendJson(res, known.status, known.toBody(), known.code === 'busy' ? { 'retry-after': String(retryAfter) } : {});
  };

  const handlerOf =
    (route: Route): Handler =>
    async (req, res) => {
      const { endpoint } = route;
      try {
        const identity = await authenticator.authenticate(req.headers);
        if (!identity.roles.includes(route.role)) {
          throw new ApiError('forbidden', `This needs the ${route.role} role; ask an admin to add you in the setup`);
        }
        if (hasBody(endpoint) && deps.perUser) {
          const rate = deps.perUser.take(identity.id);
          if (!rate.ok) throw new RateLimitedError(rate.retryAfterSeconds);
        }
        const params = pathParams(req);
        const rawQuery = queryParams(req.url);
        const rawBody = hasBody(endpoint) ? ((await readJsonBody(req, maxBodyBytes)) ?? {}) : undefined;
        refuseControlCharacters(rawQuery, rawBody);
        const query = parseWith(endpoint.query ?? NO_INPUT, rawQuery, 'invalid_query');
        const body = hasBody(endpoint) ? parseWith(endpoint.body ?? NO_INPUT, rawBody, 'invalid_body') : undefined;
        const result = await route.handle({ services, identity, params, query, body, runs });
        // Each face remembers who acted by name (the log keeps the stable id); a refused change leaves no trace.
        if (hasBody(endpoint) && result.status < 400) await services.people.remember(identity.id, identity.name);
        if (result.download)
          await sendDownload(res, result.download, (err) => logger.error({ err, method: req.method, path: pathOf(req) }, 'download failed part way'));
        else sendJson(res, result.status, result.body);
      } catch (err) {
        fail(req, res, err);
      }
    };

  for (const route of API_ROUTES) {
    const handler = handlerOf(route);
    const { method, path } = route.endpoint;
    switch (method) {
      case 'GET':
        server.get(path, handler);
        break;
      case 'POST':
        server.post(path, handler);
        break;
      case 'PUT':
        server.put(path, handler);
        break;
      case 'PATCH':
        server.patch(path, handler);
        break;
      default: {
        const unhandled: never = method;
        throw new Error(`Unknown method ${String(unhandled)}`);
      }
    }
  }

  const noSuchEndpoint: Handler = async (req, res) => {
    fail(req, res, new ApiError('not_found', `No endpoint ${req.method ?? ''} ${pathOf(req)}`));
  };
  server.post('/api/*', noSuchEndpoint);
  server.put('/api/*', noSuchEndpoint);
  server.patch('/api/*', noSuchEndpoint);
  server.del('/api/*', noSuchEndpoint);
  server.get('/api/*', noSuchEndpoint);

  // What the router itself refuses (no route, or a path too long to match) is answered in the same shape.
  for (const event of ['NotFound', 'MethodNotAllowed']) {
    server.on(event, (req: restify.Request, res: restify.Response, _err: unknown, done: () => void) => {
      const error = new ApiError('not_found', `No endpoint ${req.method ?? ''} ${pathOf(req)}`);
      res.removeHeader('allow');
      sendJson(res, error.status, error.toBody());
      // restify sends its own error body after the listeners unless it sees the answer as sent.
      (res as unknown as { _sent: boolean })._sent = true;
      done();
    });
  }

  const tab = createStaticTab(deps.tabDir ?? path.join(PROJECT_ROOT, 'tabs', 'dist'));
  server.get('/*', async (req, res) => tab(req, res));
}
