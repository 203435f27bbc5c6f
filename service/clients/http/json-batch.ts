import { z } from 'zod';
import { parseServiceError } from './error-body';
import { HttpError, reasonForStatus, type RequestName } from './http-error';
import { parseRetryAfter } from './retry-after';

const isHeaderValue = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * The 200 envelope of an OData JSON `$batch` (Graph and Business Central); each item has its own
 * status. Read as leniently as the format allows: an id written as a number, or a header value that
 * is not a string (`"Retry-After": 1`), is one item's way of writing it, and must not cost the
 * answers of all the others.
 */
export const jsonBatchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.union([z.string(), z.number()]).transform(String),
      status: z.number().int(),
      headers: z
        .record(z.string(), z.unknown())
        .nullish()
        .transform((headers) =>
          headers == null ? headers : Object.fromEntries(Object.entries(headers).flatMap(([k, v]) => (isHeaderValue(v) ? [[k, String(v)]] : []))),
        ),
      body: z.unknown().optional(),
    }),
  ),
});

export type JsonBatchItemResponse = z.output<typeof jsonBatchResponseSchema>['responses'][number];

export interface JsonBatchRequestItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

function headerValue(headers: Record<string, string> | null | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** The failure an item reports inside the envelope, or undefined when it succeeded. */
export function batchItemError(item: JsonBatchItemResponse, request: RequestName, now: number = Date.now()): HttpError | undefined {
  const reason = reasonForStatus(item.status);
  if (!reason) return undefined;
  const service = parseServiceError(item.body);
  return new HttpError(reason, {
    request,
    status: item.status,
    code: service.code,
    serviceMessage: service.message,
    requestId: service.requestId,
    retryAfterMs: parseRetryAfter(headerValue(item.headers, 'retry-after'), now),
  });
}
