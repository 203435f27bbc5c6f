import type { RouteResponse } from '../http/router';
import { etagFor } from './etag';

export type WireRecord = Record<string, unknown>;

/** An entity as the API returns it: `@odata.etag` first, then its (selected) properties. */
export function toWire(record: object, version: number, select: string[] | undefined, omit: readonly string[] = []): WireRecord {
  const out: WireRecord = { '@odata.etag': etagFor(version) };
  for (const [name, value] of Object.entries(record)) {
    if (omit.includes(name)) continue;
    if (select && !select.includes(name)) continue;
    out[name] = value;
  }
  return out;
}

/** `@odata.context` for an entity set path relative to the api root, e.g. `companies(…)/customers`. */
export function contextUrl(apiRoot: string, entitySetPath: string, select: string[] | undefined, single: boolean): string {
  const projection = select ? `(${select.join(',')})` : '';
  return `${apiRoot}/$metadata#${entitySetPath}${projection}${single ? '/$entity' : ''}`;
}

export function collectionResponse(context: string, value: WireRecord[], extras: { nextLink?: string; count?: number }): RouteResponse {
  const body: WireRecord = { '@odata.context': context };
  if (extras.count !== undefined) body['@odata.count'] = extras.count;
  body.value = value;
  if (extras.nextLink !== undefined) body['@odata.nextLink'] = extras.nextLink;
  return { status: 200, headers: odataHeaders(), body };
}

export function entityResponse(status: number, context: string, wire: WireRecord): RouteResponse {
  const etag = wire['@odata.etag'];
  return {
    status,
    headers: { ...odataHeaders(), ...(typeof etag === 'string' ? { etag } : {}) },
    body: { '@odata.context': context, ...wire },
  };
}

export function noContent(): RouteResponse {
  return { status: 204, headers: odataHeaders() };
}

export function odataHeaders(): Record<string, string> {
  return { 'odata-version': '4.0' };
}
