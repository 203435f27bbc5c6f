import { z } from 'zod';
import type { RouteRequest, RouteResponse } from '../http/router';
import type { ApiDeps } from './api';
import type { ApiDispatcher } from './dispatch';
import { badRequest, errorResponse, invalidBody } from './errors';
import { odataHeaders } from './serialize';

export const MAX_BATCH_OPERATIONS = 100;

const batchSchema = z.object({
  requests: z.array(
    z.object({
      id: z.union([z.string(), z.number()]).optional(),
      method: z.string().min(1),
      url: z.string().min(1),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
      atomicityGroup: z.string().optional(),
      dependsOn: z.array(z.string()).optional(),
    }),
  ),
});

interface BatchResponseItem {
  id: string | number | null;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * `POST …/api/v2.0/$batch` (JSON format). Operations run in order. With `Isolation: snapshot` the
 * batch is one transaction: if any operation fails, every change is rolled back, yet the response
 * still lists each operation with the status it had (as BC's documentation shows), so a client
 * must check every status. Without it each operation stands alone.
 */
export async function handleBatch(deps: ApiDeps, dispatch: ApiDispatcher, req: RouteRequest, beforeEachOperation: () => Promise<void>): Promise<RouteResponse> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.body);
  } catch {
    return errorResponse(invalidBody(), deps.state.newId('correlation'));
  }
  const batch = batchSchema.safeParse(parsed);
  if (!batch.success) return errorResponse(invalidBody(), deps.state.newId('correlation'));
  const operations = batch.data.requests;
  if (operations.length > MAX_BATCH_OPERATIONS) {
    return errorResponse(
      badRequest(`The batch request has ${operations.length} operations; the maximum is ${MAX_BATCH_OPERATIONS}.`),
      deps.state.newId('correlation'),
    );
  }
  const isolation = String(req.headers.isolation ?? '').toLowerCase() === 'snapshot';
  const snapshot = isolation ? deps.state.snapshot() : undefined;

  const responses: BatchResponseItem[] = [];
  for (const op of operations) {
    await beforeEachOperation();
    const out = await runOperation(deps, dispatch, req, op);
    responses.push({ id: op.id ?? null, status: out.status, headers: out.headers ?? {}, ...(out.body === undefined ? {} : { body: out.body }) });
  }
  if (snapshot && responses.some((r) => r.status >= 400)) deps.state.restore(snapshot);
  return { status: 200, headers: odataHeaders(), body: { responses } };
}

async function runOperation(
  deps: ApiDeps,
  dispatch: ApiDispatcher,
  outer: RouteRequest,
  op: z.infer<typeof batchSchema>['requests'][number],
): Promise<RouteResponse> {
  const relative = relativeUrl(deps.basePath, op.url);
  if (relative === undefined || relative.startsWith('/$batch')) {
    return errorResponse(
      badRequest(`The operation URL '${op.url}' is not valid in this batch.`, 'BadRequest_InvalidRequestUrl'),
      deps.state.newId('correlation'),
    );
  }
  const url = new URL(`${outer.url.origin}${deps.basePath}${relative}`);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(op.headers ?? {})) headers[name.toLowerCase()] = value;
  return dispatch(
    {
      method: op.method.toUpperCase(),
      url,
      params: {},
      headers,
      body: op.body === undefined ? '' : typeof op.body === 'string' ? op.body : JSON.stringify(op.body),
      raw: outer.raw,
    },
    url.pathname.slice(deps.basePath.length),
  );
}

/** An operation URL relative to the api root: `companies(…)/customers`, `/v2.0/…/api/v2.0/…` or absolute. */
function relativeUrl(basePath: string, raw: string): string | undefined {
  let path = raw;
  if (/^https?:\/\//i.test(raw)) {
    const u = new URL(raw);
    path = `${u.pathname}${u.search}`;
  }
  if (path.startsWith(basePath)) path = path.slice(basePath.length);
  else if (path.startsWith('/v2.0/')) return undefined;
  return path.startsWith('/') ? path : `/${path}`;
}
