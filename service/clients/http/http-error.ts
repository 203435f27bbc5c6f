/** Why a call to Graph or Business Central failed; callers switch on it exhaustively. */
export type HttpErrorReason =
  'throttled' | 'unavailable' | 'server' | 'network' | 'timeout' | 'client' | 'auth' | 'not-found' | 'conflict' | 'invalid-response';

/** The request an error belongs to: method and URL with secret or personal query values redacted. */
export interface RequestName {
  method: string;
  url: string;
}

export interface HttpErrorDetails {
  /** Absent when the failure was found outside a request (a body parsed later). */
  request?: RequestName;
  status?: number;
  /** The service's error code, e.g. Graph `ErrorThrottled` or Business Central `BadRequest_NotFound`. */
  code?: string;
  /** The service's error message (or the start of a non-JSON body). */
  serviceMessage?: string;
  /** Graph `innerError.request-id`, for support tickets. */
  requestId?: string;
  /** What the service asked us to wait (`Retry-After`), when it said. */
  retryAfterMs?: number;
  /** How many attempts were made before giving up; 1 when the failure was not retried. */
  attempts?: number;
  cause?: unknown;
}

export class HttpError extends Error {
  readonly request: RequestName | undefined;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly serviceMessage: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly attempts: number;

  constructor(
    readonly reason: HttpErrorReason,
    details: HttpErrorDetails,
    summary?: string,
  ) {
    super(describe(reason, details, summary), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'HttpError';
    this.request = details.request;
    this.status = details.status;
    this.code = details.code;
    this.serviceMessage = details.serviceMessage;
    this.requestId = details.requestId;
    this.retryAfterMs = details.retryAfterMs;
    this.attempts = details.attempts ?? 1;
  }

  /** The same failure, restated as the final outcome after `attempts` tries. */
  withAttempts(attempts: number): HttpError {
    return new HttpError(this.reason, { ...this.details(), attempts });
  }

  details(): HttpErrorDetails {
    return {
      request: this.request,
      status: this.status,
      code: this.code,
      serviceMessage: this.serviceMessage,
      requestId: this.requestId,
      retryAfterMs: this.retryAfterMs,
      attempts: this.attempts,
      cause: this.cause,
    };
  }
}

function describe(reason: HttpErrorReason, d: HttpErrorDetails, summary: string | undefined): string {
  const what = summary ?? reasonText(reason, d.cause);
  const status = d.status === undefined ? '' : ` ${d.status}`;
  const service = d.code || d.serviceMessage ? ` (${[d.code, d.serviceMessage].filter(Boolean).join(': ')})` : '';
  const tries = (d.attempts ?? 1) > 1 ? ` after ${d.attempts} attempts` : '';
  const failure = `${status} ${what}${service}`;
  return d.request ? `${d.request.method} ${d.request.url} failed${tries}:${failure}` : failure.trim();
}

function reasonText(reason: HttpErrorReason, cause: unknown): string {
  switch (reason) {
    case 'throttled':
      return 'throttled';
    case 'unavailable':
      return 'service unavailable';
    case 'server':
      return 'server error';
    case 'network':
      return `network error${cause instanceof Error ? ` (${cause.message})` : ''}`;
    case 'timeout':
      return 'timed out';
    case 'client':
      return 'rejected';
    case 'auth':
      return 'not authorised';
    case 'not-found':
      return 'not found';
    case 'conflict':
      return 'conflict';
    case 'invalid-response':
      return 'invalid response';
  }
}

/** The reason an HTTP status stands for; undefined for success. */
export function reasonForStatus(status: number): HttpErrorReason | undefined {
  if (status < 400) return undefined;
  if (status === 429) return 'throttled';
  if (status === 503) return 'unavailable';
  if (status >= 500) return 'server';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  return 'client';
}
