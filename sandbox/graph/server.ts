import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, send, type RouteResponse, type Router } from '../http/router';
import { runBatch } from './batch';
import { errorResponse, GraphError, type RequestMeta } from './errors';
import { newRequestId } from './ids';
import { injectFault, runGraphCall, toErrorResponse, type CallOutcome, type PipelineDeps } from './pipeline';
import type { FaultKind } from './settings';

export interface ServerDeps extends PipelineDeps {
  control: Router;
  token(): string;
}

const TOP_LEVEL_FAULTS: readonly FaultKind[] = ['500', '503', 'reset'];

/** The HTTP front: authentication, then control endpoints, $batch, or a single Graph call. */
export function createRequestListener(deps: ServerDeps): RequestListener {
  return (req, res) => {
    handle(deps, req, res).catch(() => {
      // Only reading the body can fail this far out: the client hung up, so no one is left to answer.
      if (!res.headersSent) res.destroy();
    });
  };
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const meta: RequestMeta = { requestId: newRequestId(deps.ctx.ids), clientRequestId: headerValue(req, 'client-request-id'), date: deps.ctx.now() };
  const outcome = await answer(deps, req, meta);
  if (outcome === 'reset') {
    req.socket.destroy();
    return;
  }
  const headers: Record<string, string> = { ...outcome.headers, 'request-id': meta.requestId };
  if (meta.clientRequestId !== undefined) headers['client-request-id'] = meta.clientRequestId;
  send(res, { ...outcome, headers });
}

async function answer(deps: ServerDeps, req: IncomingMessage, meta: RequestMeta): Promise<CallOutcome> {
  let body: string;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return errorResponse(new GraphError(413, 'RequestEntityTooLarge', error.message), meta);
    throw error;
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  const method = (req.method ?? 'GET').toUpperCase();
  const isGraph = url.pathname === '/v1.0' || url.pathname.startsWith('/v1.0/');
  if (isGraph) deps.stats.requestsServed += 1;

  const denied = authenticate(req, deps.token(), meta);
  if (denied) return denied;
  if (!isDecodable(url.pathname)) return errorResponse(new GraphError(400, 'BadRequest', 'The request path is not valid percent-encoding.'), meta);

  if (url.pathname.startsWith('/_emulator/')) return routeControl(deps, { method, url, body, req }, meta);
  if (!isGraph) return errorResponse(new GraphError(404, 'NotFound', `Resource not found for the segment '${url.pathname}'.`), meta);
  if (decodeURIComponent(url.pathname) === '/v1.0/$batch') {
    if (method !== 'POST') return errorResponse(new GraphError(405, 'MethodNotAllowed', '$batch accepts POST only.'), meta);
    const fault = injectFault(deps, TOP_LEVEL_FAULTS, meta);
    if (fault) return fault;
    try {
      return await runBatch(deps, { url, raw: req, meta, body });
    } catch (error) {
      return toErrorResponse(error, meta);
    }
  }
  return runGraphCall(deps, { method, url, headers: req.headers, body, raw: req, meta, faults: TOP_LEVEL_FAULTS });
}

async function routeControl(
  deps: ServerDeps,
  call: { method: string; url: URL; body: string; req: IncomingMessage },
  meta: RequestMeta,
): Promise<RouteResponse> {
  const match = deps.control.match(call.method, call.url.pathname);
  if (match === 'not-found') return errorResponse(new GraphError(404, 'NotFound', `No emulator control endpoint '${call.url.pathname}'.`), meta);
  if (match === 'method-not-allowed')
    return errorResponse(new GraphError(405, 'MethodNotAllowed', `The HTTP method '${call.method}' is not allowed for '${call.url.pathname}'.`), meta);
  try {
    return await match.handler({ method: call.method, url: call.url, params: match.params, headers: call.req.headers, body: call.body, raw: call.req });
  } catch (error) {
    return toErrorResponse(error, meta);
  }
}

function authenticate(req: IncomingMessage, token: string, meta: RequestMeta): RouteResponse | undefined {
  const header = headerValue(req, 'authorization');
  if (header === undefined || header.trim() === '') {
    return errorResponse(new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.'), meta);
  }
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match || match[1] !== token) {
    return errorResponse(new GraphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.'), meta);
  }
  return undefined;
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
