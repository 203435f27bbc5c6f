import type { z } from 'zod';
import type { HttpClient, HttpMethod } from '../http/http-client';
import type { HttpError } from '../http/http-error';
import { batchItemError, jsonBatchResponseSchema, type JsonBatchRequestItem } from '../http/json-batch';
import { InvalidResponseError } from '../http/invalid-response-error';
import { parseBody } from '../http/parse-body';
import { isRetryable } from '../http/retry-policy';

/** Business Central refuses larger batches. */
export const BC_BATCH_MAX_OPERATIONS = 100;

export interface BcBatchOperation<T = unknown> {
  /** Echoed in the result; defaults to the operation's position ("1", "2", ...). */
  id?: string;
  method: HttpMethod;
  /** Relative to the company, e.g. `salesInvoices` or `salesInvoices(<id>)`. */
  path: string;
  body?: unknown;
  /** The entity's `@odata.etag`, required by PATCH and DELETE. */
  ifMatch?: string;
  /** Parses a success body; without it the raw body is returned. */
  schema?: z.ZodType<T>;
  /** Names the entity in parse errors. */
  entity?: string;
}

export type BcBatchResult<T> =
  | { id: string; ok: true; status: number; value: T }
  | {
      id: string;
      ok: false;
      status: number;
      /** 429/503 (any method) or a 5xx of a read: send the operation again later. */
      retryable: boolean;
      error: HttpError;
    };

export interface BcBatchOptions {
  /** All-or-nothing (unless AL code commits); without it each operation succeeds or fails alone. */
  isolation?: 'snapshot';
  /** Lets the whole envelope be repeated after a network error or 5xx (only if every operation is). */
  idempotent?: boolean;
}

interface Context {
  http: HttpClient;
  apiBaseUrl: string;
  companyPath: string;
  limitKey: string;
  /** For the whole envelope. */
  timeoutMs?: number;
}

/** Sends up to 100 operations as one JSON `$batch`; returns one result per operation, in order. */
export async function sendBcBatch<T>(ctx: Context, operations: ReadonlyArray<BcBatchOperation<T>>, options: BcBatchOptions = {}): Promise<BcBatchResult<T>[]> {
  if (operations.length > BC_BATCH_MAX_OPERATIONS) {
    throw new RangeError(`a Business Central $batch holds at most ${BC_BATCH_MAX_OPERATIONS} operations, got ${operations.length}`);
  }
  if (operations.length === 0) return [];
  const items = operations.map((op, i) => toItem(ctx, op, op.id ?? String(i + 1)));
  const request = {
    method: 'POST' as const,
    url: `${ctx.apiBaseUrl}/$batch`,
    body: { requests: items },
    headers: options.isolation ? { isolation: options.isolation } : undefined,
    idempotent: options.idempotent,
    limit: { key: ctx.limitKey },
    ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
  };
  const response = await ctx.http.send(request);
  const envelope = parseBody(jsonBatchResponseSchema, response.body, '$batch response', request);
  const byId = new Map(envelope.responses.map((r) => [r.id, r]));
  return operations.map((op, i): BcBatchResult<T> => {
    const item = items[i]!;
    const name = { method: op.method, url: `$batch item ${item.id}: ${item.url}` };
    const answer = byId.get(item.id);
    if (!answer) {
      const error = new InvalidResponseError('$batch response', item.id, 'responses', 'has no response for this operation', name);
      return { id: item.id, ok: false, status: 0, retryable: false, error };
    }
    const error = batchItemError(answer, name, ctx.http.retryOptions.now());
    if (error) return { id: item.id, ok: false, status: answer.status, retryable: isRetryable(error, { method: op.method }), error };
    if (!op.schema) return { id: item.id, ok: true, status: answer.status, value: answer.body as T };
    try {
      return { id: item.id, ok: true, status: answer.status, value: parseBody(op.schema, answer.body, op.entity ?? 'entity', name) };
    } catch (parseError) {
      if (!(parseError instanceof InvalidResponseError)) throw parseError;
      return { id: item.id, ok: false, status: answer.status, retryable: false, error: parseError };
    }
  });
}

function toItem(ctx: Context, op: BcBatchOperation<unknown>, id: string): JsonBatchRequestItem {
  const headers: Record<string, string> = {};
  if (op.body !== undefined) headers['Content-Type'] = 'application/json';
  if (op.ifMatch !== undefined) headers['If-Match'] = op.ifMatch;
  const item: JsonBatchRequestItem = { id, method: op.method, url: `${ctx.companyPath}/${op.path.replace(/^\/+/, '')}`, headers };
  if (op.body !== undefined) item.body = op.body;
  return item;
}
