/*
 * The reads of a plain web page opened on Unbilled without a link, asked for before the tab's other
 * modules are evaluated: main.ts imports early-reads-start.ts first, and the contract's schemas (some hundred
 * zod schemas, made as their modules are evaluated) and the rest come after the requests are out, so
 * the server answers while the browser evaluates them. Written without imports, so nothing runs
 * before it. The URLs are the ones httpApi asks for withFirstReads' reads of firstQueryForLink(null)
 * (early-reads.test.ts checks they stay so); an answer is handed to httpApi's fetch for the same GET
 * without a token, once. In Teams (a framed page) the reads need a token and wait for the SDK as before.
 */

/** withFirstReads' reads for a page without a link, as httpApi writes them. */
export const EARLY_READ_URLS = [
  '/api/unbilled?state=invoiceable&sort=start&direction=asc&offset=0&limit=50',
  '/api/setup',
  '/api/catalog',
  '/api/sync?limit=1',
  '/api/me',
] as const;

export interface EarlyReads {
  /** The answer already asked for `url`, once; null for any other request and for a request with a token. */
  take(url: string, init?: RequestInit): Promise<Response> | null;
}

interface PageLike {
  readonly location: { readonly pathname: string; readonly search: string };
  readonly parent: unknown;
  readonly self: unknown;
  fetch(url: string, init: RequestInit): Promise<Response>;
}

const NONE: EarlyReads = { take: () => null };

function isFramed(page: PageLike): boolean {
  try {
    return page.parent !== page.self;
  } catch {
    return true;
  }
}

/** The Unbilled page is at /tab/unbilled, /tab/ and /; Setup, History and the configuration page are not. */
const isUnbilledPath = (pathname: string) => /^\/(tab(\/unbilled)?)?\/?$/.test(pathname);

export function startEarlyReads(page: PageLike): EarlyReads {
  // A link's filter asks another page, and a framed page may be Teams (a token): those wait for the app.
  if (isFramed(page) || page.location.search !== '' || !isUnbilledPath(page.location.pathname)) return NONE;
  const started = new Map<string, Promise<Response>>();
  for (const url of EARLY_READ_URLS) {
    const answer = page.fetch(url, { method: 'GET', headers: { accept: 'application/json' } });
    // A failure is reported to the request it is handed to, not as an unhandled rejection meanwhile.
    answer.catch(() => undefined);
    started.set(url, answer);
  }
  return {
    take(url, init) {
      const headers = new Headers(init?.headers);
      if ((init?.method ?? 'GET') !== 'GET' || headers.has('authorization')) return null;
      const answer = started.get(url) ?? null;
      started.delete(url);
      return answer;
    },
  };
}
