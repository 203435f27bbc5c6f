import { badRequest } from './errors';

export type PageKey = string | number;

export interface PageRequest {
  top: number | undefined;
  skip: number | undefined;
  skiptoken: string | undefined;
}

export interface Page<T> {
  records: T[];
  /** Set when more records follow: the skiptoken and the `$top` still to honour. */
  next?: { skiptoken: string; top: number | undefined };
}

/**
 * Server-driven paging as Business Central does it: records in key order, at most `pageSize` per
 * response, and a `$skiptoken` holding the key of the last record sent (quoted for text keys).
 * `$skip` applies to the first page only; `$top` caps the total across pages.
 */
export function takePage<T>(sorted: readonly T[], key: (record: T) => PageKey, request: PageRequest, pageSize: number): Page<T> {
  let rest: readonly T[] = sorted;
  if (request.skiptoken !== undefined) {
    const after = parseSkiptoken(request.skiptoken);
    rest = sorted.filter((r) => compareKeys(key(r), after) > 0);
  } else if (request.skip !== undefined) {
    rest = sorted.slice(request.skip);
  }
  const limit = request.top ?? Number.POSITIVE_INFINITY;
  const take = Math.min(limit, pageSize);
  const records = rest.slice(0, take);
  const last = records[records.length - 1];
  if (last === undefined || rest.length <= take || limit <= take) return { records };
  return {
    records,
    next: { skiptoken: formatSkiptoken(key(last)), top: request.top === undefined ? undefined : limit - take },
  };
}

export function formatSkiptoken(key: PageKey): string {
  return typeof key === 'number' ? String(key) : `'${key.replaceAll("'", "''")}'`;
}

export function parseSkiptoken(token: string): PageKey {
  if (/^'(?:[^']|'')*'$/.test(token)) return token.slice(1, -1).replaceAll("''", "'");
  if (/^-?\d+$/.test(token)) return Number(token);
  throw badRequest(`The skip token '${token}' is not valid.`);
}

export function compareKeys(a: PageKey, b: PageKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** The nextLink: the request's own URL with `$skip` dropped and `$skiptoken`/`$top` set for the next page. */
export function nextLink(url: URL, next: NonNullable<Page<unknown>['next']>): string {
  const parts: string[] = [];
  for (const [name, value] of url.searchParams) {
    if (name === '$skip' || name === '$skiptoken' || name === '$top') continue;
    parts.push(`${name}=${encodeURIComponent(value)}`);
  }
  if (next.top !== undefined) parts.push(`$top=${next.top}`);
  parts.push(`$skiptoken=${encodeURIComponent(next.skiptoken)}`);
  return `${url.origin}${url.pathname}?${parts.join('&')}`;
}
