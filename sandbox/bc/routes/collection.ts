import type { RouteRequest, RouteResponse } from '../../http/router';
import { apiRoot, type ApiDeps } from '../api';
import type { EntityDescriptor } from '../entities';
import { compareKeys, nextLink, takePage, type PageKey } from '../paging';
import { parseQueryOptions, type QueryOptions } from '../query-options';
import { collectionResponse, contextUrl, entityResponse, type WireRecord } from '../serialize';

export interface EntitySetView<T> {
  entity: EntityDescriptor;
  /** Path of the entity set relative to the api root, for `@odata.context`. */
  entitySetPath: string;
  /** The sort and skiptoken key (BC's primary key). */
  key: (record: T) => PageKey;
  wire: (record: T, options: QueryOptions) => WireRecord;
}

/** GET on an entity set: `$filter`, `$skip`, `$top`, `$select`, `$expand`, `$count` and server-driven paging. */
export function listResponse<T extends object>(deps: ApiDeps, req: RouteRequest, records: readonly T[], view: EntitySetView<T>): RouteResponse {
  const options = parseQueryOptions(req.url.searchParams, view.entity, 'collection');
  const sorted = [...records].sort((a, b) => compareKeys(view.key(a), view.key(b)));
  const matching = options.filter ? sorted.filter((r) => options.filter!(r as Record<string, unknown>)) : sorted;
  const page = takePage(matching, view.key, options, deps.settings().pageSize);
  return collectionResponse(
    contextUrl(apiRoot(deps, req), view.entitySetPath, options.select, false),
    page.records.map((r) => view.wire(r, options)),
    {
      nextLink: page.next ? nextLink(req.url, page.next) : undefined,
      count: options.count ? matching.length : undefined,
    },
  );
}

/** GET of one entity (and the body of POST/PATCH answers), honouring `$select`/`$expand`. */
export function entityResult<T>(deps: ApiDeps, req: RouteRequest, record: T, view: EntitySetView<T>, status = 200): RouteResponse {
  const options = parseQueryOptions(req.url.searchParams, view.entity, 'entity');
  return entityResponse(status, contextUrl(apiRoot(deps, req), view.entitySetPath, options.select, true), view.wire(record, options));
}
