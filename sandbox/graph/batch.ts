import type { IncomingMessage } from 'node:http';
import type { RouteResponse } from '../http/router';
import { parseBody } from './body';
import { badRequest, errorBody, GraphError, type RequestMeta } from './errors';
import { newRequestId } from './ids';
import { runGraphCall, type PipelineDeps } from './pipeline';
import { batchEnvelopeSchema, type BatchItem } from './schemas';
import type { FaultKind } from './settings';

export interface BatchItemResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface BatchEnvelope {
  url: URL;
  raw: IncomingMessage;
  meta: RequestMeta;
  body: string;
}

const ITEM_FAULTS: readonly FaultKind[] = ['500', '503'];
const JSON_TYPE = 'application/json; odata.metadata=minimal; charset=utf-8';

/**
 * Graph JSON batching: items run in parallel through the same routes and the same per-mailbox limit,
 * so items beyond it answer 429 inside a 200 envelope; `dependsOn` holds an item back until the
 * items it names are done, and answers 424 when one of them failed.
 */
export async function runBatch(deps: PipelineDeps, envelope: BatchEnvelope): Promise<RouteResponse> {
  const { requests } = parseBody(envelope.body, batchEnvelopeSchema);
  const byId = indexItems(requests);
  checkDependencies(requests, byId);

  const results = new Map<string, Promise<BatchItemResponse>>();
  const run = (item: BatchItem): Promise<BatchItemResponse> => {
    const key = item.id.toLowerCase();
    const existing = results.get(key);
    if (existing) return existing;
    const result = (async () => {
      const prerequisites = await Promise.all((item.dependsOn ?? []).map((id) => run(itemById(byId, id))));
      const failed = prerequisites.find((d) => d.status >= 400);
      if (failed) return failedDependency(item, failed.id, envelope.meta);
      return runItem(deps, envelope, item);
    })();
    results.set(key, result);
    return result;
  };
  const responses = await Promise.all(requests.map(run));
  return { status: 200, body: { responses } };
}

async function runItem(deps: PipelineDeps, envelope: BatchEnvelope, item: BatchItem): Promise<BatchItemResponse> {
  deps.stats.batchItemsServed += 1;
  const headers = Object.fromEntries(Object.entries(item.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const meta: RequestMeta = {
    requestId: newRequestId(deps.ctx.ids),
    clientRequestId: headers['client-request-id'] ?? envelope.meta.clientRequestId,
    date: envelope.meta.date,
  };
  if (/^[a-z][a-z0-9+.-]*:/i.test(item.url)) {
    return {
      id: item.id,
      status: 400,
      headers: { 'Content-Type': JSON_TYPE },
      body: errorBody('BadRequest', `Batch request urls must be relative to /v1.0: '${item.url}'.`, meta),
    };
  }
  const url = new URL(`/v1.0/${item.url.replace(/^\/+/, '')}`, envelope.url.origin);
  const body = item.body === undefined ? '' : typeof item.body === 'string' ? item.body : JSON.stringify(item.body);
  const outcome = await runGraphCall(deps, { method: item.method, url, headers, body, raw: envelope.raw, meta, faults: ITEM_FAULTS });
  // Items never draw 'reset' (ITEM_FAULTS), so an outcome is always a response here.
  const out = outcome === 'reset' ? { status: 500 } : outcome;
  const response: BatchItemResponse = { id: item.id, status: out.status, headers: { ...out.headers } };
  if (out.body !== undefined) {
    response.headers['Content-Type'] = JSON_TYPE;
    response.body = out.body;
  }
  return response;
}

function indexItems(requests: BatchItem[]): Map<string, BatchItem> {
  const byId = new Map<string, BatchItem>();
  requests.forEach((item, index) => {
    // Graph compares batch ids case-insensitively.
    const key = item.id.toLowerCase();
    if (byId.has(key)) throw badRequest(`Invalid request body: requests.${index}.id: duplicate id '${item.id}'`);
    if (item.body !== undefined && !Object.keys(item.headers ?? {}).some((h) => h.toLowerCase() === 'content-type')) {
      throw badRequest(`Invalid request body: requests.${index}.headers: a Content-Type header is required when a body is present`);
    }
    byId.set(key, item);
  });
  return byId;
}

/** Every dependsOn names an item of the batch, and no chain of them loops (which would never finish). */
function checkDependencies(requests: BatchItem[], byId: Map<string, BatchItem>): void {
  requests.forEach((item, index) => {
    for (const id of item.dependsOn ?? []) {
      if (!byId.has(id.toLowerCase())) throw badRequest(`Invalid request body: requests.${index}.dependsOn: no request with id '${id}' in this batch`);
    }
  });
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (item: BatchItem): void => {
    const key = item.id.toLowerCase();
    if (done.has(key)) return;
    if (visiting.has(key)) throw badRequest(`Invalid request body: requests: dependsOn forms a cycle through '${item.id}'`);
    visiting.add(key);
    for (const id of item.dependsOn ?? []) visit(itemById(byId, id));
    visiting.delete(key);
    done.add(key);
  };
  requests.forEach(visit);
}

function itemById(byId: Map<string, BatchItem>, id: string): BatchItem {
  const item = byId.get(id.toLowerCase());
  if (!item) throw badRequest(`Invalid request body: requests: no request with id '${id}' in this batch`);
  return item;
}

function failedDependency(item: BatchItem, failedId: string, meta: RequestMeta): BatchItemResponse {
  const error = new GraphError(424, 'FailedDependency', `Request '${item.id}' depends on request '${failedId}', which failed.`);
  return { id: item.id, status: 424, headers: { 'Content-Type': JSON_TYPE }, body: errorBody(error.code, error.message, meta) };
}
