import type { EntityDescriptor } from './entities';
import { badRequest } from './errors';
import { compileFilter, type RecordPredicate } from './filter-eval';

export interface QueryOptions {
  filter: RecordPredicate | undefined;
  top: number | undefined;
  skip: number | undefined;
  skiptoken: string | undefined;
  select: string[] | undefined;
  expand: string[];
  /** `$count=true`: the response carries `@odata.count`, the number of matching records. */
  count: boolean;
}

const COLLECTION_OPTIONS = new Set(['$filter', '$top', '$skip', '$skiptoken', '$select', '$expand', '$count', '$format', '$schemaversion']);
const SINGLE_OPTIONS = new Set(['$select', '$expand', '$format', '$schemaversion']);

/**
 * Reads the OData system query options a request carries. Options BC does not implement for the
 * resource, unknown properties and malformed numbers are 400s; non-`$` parameters (`aid`, `tenant`,
 * `company`) are ignored as BC does.
 */
export function parseQueryOptions(query: URLSearchParams, entity: EntityDescriptor, target: 'collection' | 'entity'): QueryOptions {
  const allowed = target === 'collection' ? COLLECTION_OPTIONS : SINGLE_OPTIONS;
  for (const name of query.keys()) {
    if (name.startsWith('$') && !allowed.has(name)) throw badRequest(`The query parameter '${name}' is not supported.`);
  }
  const filterText = query.get('$filter');
  return {
    filter: filterText === null ? undefined : compileFilter(filterText, entity),
    top: nonNegativeInt(query, '$top'),
    skip: nonNegativeInt(query, '$skip'),
    skiptoken: query.get('$skiptoken') ?? undefined,
    select: parseSelect(query.get('$select'), entity),
    expand: parseExpand(query.get('$expand'), entity),
    count: query.get('$count') === 'true',
  };
}

function nonNegativeInt(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw.trim()))
    throw badRequest(`Invalid value '${raw}' for ${name} query option found. The ${name} query option requires a non-negative integer value.`);
  return Number(raw.trim());
}

function parseSelect(raw: string | null, entity: EntityDescriptor): string[] | undefined {
  if (raw === null) return undefined;
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const name of names) {
    if (name === '*') continue;
    if (!(name in entity.fields) && !entity.expandable.includes(name)) {
      throw badRequest(`Could not find a property named '${name}' on type 'Microsoft.NAV.${entity.type}'.`);
    }
  }
  return names.includes('*') ? undefined : names;
}

function parseExpand(raw: string | null, entity: EntityDescriptor): string[] {
  if (raw === null) return [];
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const name of names) {
    if (!entity.expandable.includes(name)) {
      throw badRequest(`Could not find a property named '${name}' on type 'Microsoft.NAV.${entity.type}'.`);
    }
  }
  return names;
}
