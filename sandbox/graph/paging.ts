import { badRequest } from './errors';

export interface Page<T> {
  value: T[];
  nextLink: string | undefined;
}

/**
 * One page of a collection, addressed by `$skip` (and an optional smaller `$top`), with an absolute
 * `@odata.nextLink` that keeps the request's other query parameters. The last page has no nextLink.
 */
export function pageOf<T>(items: readonly T[], url: URL, pageSize: number): Page<T> {
  const skip = nonNegativeInt(url.searchParams.get('$skip'), '$skip') ?? 0;
  const top = nonNegativeInt(url.searchParams.get('$top'), '$top');
  const size = top === undefined ? pageSize : Math.min(top, pageSize);
  const value = items.slice(skip, skip + size);
  const next = skip + size;
  return { value, nextLink: size > 0 && next < items.length ? linkWithSkip(url, next) : undefined };
}

export function collectionBody<T>(context: string, page: Page<T>): Record<string, unknown> {
  const body: Record<string, unknown> = { '@odata.context': context };
  if (page.nextLink !== undefined) body['@odata.nextLink'] = page.nextLink;
  body.value = page.value;
  return body;
}

function nonNegativeInt(raw: string | null, name: string): number | undefined {
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw)) throw badRequest(`Invalid value '${raw}' for query option '${name}': expected a non-negative integer.`);
  return Number(raw);
}

function linkWithSkip(url: URL, skip: number): string {
  const pairs: string[] = [];
  for (const [key, value] of url.searchParams) {
    if (key === '$skip') continue;
    pairs.push(`${encodeQueryPart(key)}=${encodeQueryPart(value)}`);
  }
  pairs.push(`$skip=${skip}`);
  return `${url.origin}${url.pathname}?${pairs.join('&')}`;
}

// OData option names keep their literal '$', as Graph writes them.
function encodeQueryPart(part: string): string {
  return encodeURIComponent(part).replace(/%24/g, '$');
}
