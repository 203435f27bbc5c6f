import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { ScheduledFaults } from '../http/fault-schedule';
import type { RouteResponse, Router } from '../http/router';
import { errorResponse, GraphError, type RequestMeta } from './errors';
import { faultError, pickFault } from './faults';
import type { RouteContext } from './route-context';
import type { FaultKind } from './settings';
import { mailboxKey } from './state';
import type { StatsRecorder } from './stats';
import type { MailboxLimiter } from './throttle';

export interface PipelineDeps {
  router: Router;
  ctx: RouteContext;
  limiter: MailboxLimiter;
  stats: StatsRecorder;
  /** Draws for faultRate: a seeded generator. */
  random: () => number;
  scheduledFaults: ScheduledFaults;
  /** Waits out the latency; tests inject one they release themselves. */
  sleep: (ms: number) => Promise<unknown>;
}

/** One Graph request, whether it came alone over HTTP or as an item of a $batch. */
export interface GraphCall {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
  /** The HTTP message that carried the call (for a batch item: the batch's). */
  raw: IncomingMessage;
  meta: RequestMeta;
  /** Fault kinds this call can suffer: a batch item cannot reset a connection it does not own. */
  faults: readonly FaultKind[];
}

/** A response, or 'reset' when the connection must be destroyed without one. */
export type CallOutcome = RouteResponse | 'reset';

const MAILBOX_PATH = /^\/v1\.0\/solutions\/bookingBusinesses\/([^/]+)/;

/** Route, then throttle per mailbox, wait the configured latency, maybe fail, and only then act. */
export async function runGraphCall(deps: PipelineDeps, call: GraphCall): Promise<CallOutcome> {
  const match = deps.router.match(call.method, call.url.pathname);
  if (match === 'not-found') {
    return errorResponse(new GraphError(404, 'NotFound', `Resource not found for the segment '${call.url.pathname}'.`), call.meta);
  }
  if (match === 'method-not-allowed') {
    return errorResponse(new GraphError(405, 'MethodNotAllowed', `The HTTP method '${call.method}' is not allowed for '${call.url.pathname}'.`), call.meta);
  }
  const mailbox = mailboxOf(call.url.pathname);
  const release = mailbox === undefined ? () => undefined : deps.limiter.tryAcquire(mailbox);
  if (!release) return throttledResponse(deps, call.meta);
  try {
    const { latencyMs } = deps.ctx.settings();
    if (latencyMs > 0) await deps.sleep(latencyMs);
    const fault = injectFault(deps, call.faults, call.meta);
    if (fault) return fault;
    return await match.handler({ method: call.method, url: call.url, params: match.params, headers: call.headers, body: call.body, raw: call.raw });
  } catch (error) {
    return toErrorResponse(error, call.meta);
  } finally {
    release();
  }
}

/** A fault scheduled or drawn for this request, counted in the stats, or undefined to go on. */
export function injectFault(deps: PipelineDeps, allowed: readonly FaultKind[], meta: RequestMeta): CallOutcome | undefined {
  const settings = deps.ctx.settings();
  const kind = deps.scheduledFaults.next(settings.faultSchedule, settings.faultKinds, allowed) ?? pickFault(settings, deps.random, allowed);
  if (kind === undefined) return undefined;
  deps.stats.fault(kind);
  if (kind === 'reset') return 'reset';
  return errorResponse(faultError(kind, settings.retryAfterSeconds), meta);
}

export function toErrorResponse(error: unknown, meta: RequestMeta): RouteResponse {
  if (error instanceof GraphError) return errorResponse(error, meta);
  const message = error instanceof Error ? error.message : String(error);
  return errorResponse(new GraphError(500, 'InternalServerError', `Unexpected emulator error: ${message}`), meta);
}

function throttledResponse(deps: PipelineDeps, meta: RequestMeta): RouteResponse {
  deps.stats.throttled += 1;
  const { maxConcurrentPerMailbox, retryAfterSeconds } = deps.ctx.settings();
  const error = new GraphError(
    429,
    'TooManyRequests',
    `Too many requests: at most ${maxConcurrentPerMailbox} concurrent requests per mailbox. Retry after ${retryAfterSeconds} seconds.`,
    { 'Retry-After': String(retryAfterSeconds) },
  );
  return errorResponse(error, meta);
}

function mailboxOf(pathname: string): string | undefined {
  const segment = MAILBOX_PATH.exec(pathname)?.[1];
  return segment === undefined ? undefined : mailboxKey(decodeURIComponent(segment));
}
