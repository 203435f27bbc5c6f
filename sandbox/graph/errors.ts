import type { RouteResponse } from '../http/router';

/** Thrown by routes; the pipeline turns it into a Graph error body carrying the request's ids. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export interface RequestMeta {
  requestId: string;
  clientRequestId: string | undefined;
  date: Date;
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { 'request-id': string; date: string; 'client-request-id'?: string };
  };
}

export function errorBody(code: string, message: string, meta: RequestMeta): GraphErrorBody {
  const innerError: GraphErrorBody['error']['innerError'] = {
    'request-id': meta.requestId,
    // Graph writes the date without fraction or zone designator.
    date: meta.date.toISOString().slice(0, 19),
  };
  if (meta.clientRequestId !== undefined) innerError['client-request-id'] = meta.clientRequestId;
  return { error: { code, message, innerError } };
}

export function errorResponse(error: GraphError, meta: RequestMeta): RouteResponse {
  return { status: error.status, headers: error.headers, body: errorBody(error.code, error.message, meta) };
}

export const badRequest = (message: string): GraphError => new GraphError(400, 'BadRequest', message);
export const itemNotFound = (message: string): GraphError => new GraphError(404, 'ErrorItemNotFound', message);
