import type { z } from 'zod';
import { HttpError } from './http-error';
import type { HttpClient, HttpRequest } from './http-client';
import { InvalidResponseError } from './invalid-response-error';
import { parseEntity } from './parse-records';
import { redactUrl } from './redact-url';

/** parseEntity, with the error naming the request that returned the body. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, entity: string, request: Pick<HttpRequest, 'method' | 'url'>): z.output<S> {
  try {
    return parseEntity(schema, body, entity);
  } catch (error) {
    if (error instanceof InvalidResponseError) throw error.forRequest({ method: request.method, url: redactUrl(request.url) });
    throw error;
  }
}

/** GET one entity; null when the service answers 404. */
export async function getEntityOrNull<S extends z.ZodType>(
  http: HttpClient,
  request: Omit<HttpRequest, 'method'>,
  schema: S,
  entity: string,
): Promise<z.output<S> | null> {
  const full: HttpRequest = { ...request, method: 'GET' };
  try {
    const response = await http.send(full);
    return parseBody(schema, response.body, entity, full);
  } catch (error) {
    if (error instanceof HttpError && error.reason === 'not-found') return null;
    throw error;
  }
}
