import type { Logger } from '../../logging/logger';
import type { TokenProvider } from '../auth/token-provider';
import { parseServiceError } from './error-body';
import { HttpError, reasonForStatus, type RequestName } from './http-error';
import type { KeyedLimiter } from './keyed-limiter';
import { parseRetryAfter } from './retry-after';
import { retryOptions, type RetryOptions } from './retry-policy';
import { redactUrl } from './redact-url';
import { withRetry } from './with-retry';

export type FetchFn = typeof fetch;
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface HttpClientOptions {
  tokenProvider: TokenProvider;
  /** The OAuth scope of every request of this client, e.g. `https://graph.microsoft.com/.default`. */
  scope: string;
  fetch?: FetchFn;
  retry?: Partial<RetryOptions>;
  /** Per attempt. */
  timeoutMs?: number;
  limiter?: KeyedLimiter;
  logger?: Logger;
}

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Lets a POST be repeated after a network error, timeout or 5xx; see retry-policy. */
  idempotent?: boolean;
  /** Concurrency slot(s) to hold while the request is in flight; `weight` for requests that fan out ($batch). */
  limit?: { key: string; weight?: number };
  /** Per attempt, over the client's: a `$batch` gets time in proportion to its operations. */
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON; undefined for an empty body (204). */
  body: unknown;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Sends JSON requests with a bearer token, a per-attempt timeout, a concurrency limit and retries. */
export class HttpClient {
  private readonly fetch: FetchFn;
  private readonly retry: RetryOptions;
  private readonly timeoutMs: number;

  constructor(private readonly options: HttpClientOptions) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.retry = retryOptions(options.retry);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  get retryOptions(): RetryOptions {
    return this.retry;
  }

  send(request: HttpRequest): Promise<HttpResponse> {
    const name: RequestName = { method: request.method, url: redactUrl(request.url) };
    const once = () => this.attempt(request, name);
    const limited = () => {
      const { limiter } = this.options;
      return limiter && request.limit ? limiter.run(request.limit.key, once, request.limit.weight) : once();
    };
    return withRetry(limited, { method: request.method, idempotent: request.idempotent }, this.retry, this.options.logger);
  }

  private async attempt(request: HttpRequest, name: RequestName): Promise<HttpResponse> {
    const token = await this.options.tokenProvider.getToken(this.options.scope);
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers, authorization: `Bearer ${token}` };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await this.fetch(request.url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(request.timeoutMs ?? this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw transportError(error, name);
    }
    const body = parseJson(text);
    const reason = reasonForStatus(response.status);
    if (reason) {
      const service = parseServiceError(body === INVALID_JSON || body === undefined ? text : body);
      throw new HttpError(reason, {
        request: name,
        status: response.status,
        code: service.code,
        serviceMessage: service.message,
        requestId: service.requestId,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), this.retry.now()),
      });
    }
    if (body === INVALID_JSON) {
      throw new HttpError('invalid-response', { request: name, status: response.status }, 'body is not JSON');
    }
    return { status: response.status, headers: response.headers, body };
  }
}

const INVALID_JSON = Symbol('invalid JSON');

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

function transportError(error: unknown, request: RequestName): HttpError {
  // AbortSignal.timeout rejects with a DOMException, which is not an Error in every realm (jest's vm).
  const name = error !== null && typeof error === 'object' && 'name' in error && typeof error.name === 'string' ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return new HttpError('timeout', { request, cause: error });
  return new HttpError('network', { request, cause: error }, `network error (${networkDetail(error)})`);
}

/** undici hides the socket's error code (ECONNRESET, ECONNREFUSED) in `cause`. */
function networkDetail(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') return cause.code;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
