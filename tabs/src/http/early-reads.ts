/*
 * The reads of a plain web page opened on Unbilled without a link, asked for before the app's script
 * has arrived: early-reads-start.ts is a build entry of its own, which index.html loads first as an
 * async module script (tabs/vite.config.ts), so the requests go out as soon as that 1 kB arrives instead
 * of after the entry's 140 kB has been fetched and the contract's zod schemas made; main.ts imports the
 * same module and hands its answers to httpApi. The URLs are the ones httpApi asks for withFirstReads'
 * reads of firstQueryForLink(null) (early-reads.test.ts checks they stay so); an answer goes to the
 * first GET without a token for its URL, once. It imports only teams/may-be-teams.ts, itself without
 * imports, so the module stays that small. Where Teams may be the host (a framed page, or a top-level
 * one in Teams' mobile clients) the reads need a token and wait for the SDK as before.
 */

import { mayBeTeams, type HostWindow } from '../teams/may-be-teams';

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

interface PageLike extends HostWindow {
  readonly location: { readonly pathname: string; readonly search: string };
  fetch(url: string, init: RequestInit): Promise<Response>;
}

const NONE: EarlyReads = { take: () => null };

/** The Unbilled page is at /tab/unbilled, /tab/ and /; Setup, History and the configuration page are not. */
const isUnbilledPath = (pathname: string) => /^\/(tab(\/unbilled)?)?\/?$/.test(pathname);

export function startEarlyReads(page: PageLike): EarlyReads {
  // A link's filter asks another page, and a framed page may be Teams (a token): those wait for the app.
  if (mayBeTeams(page) || page.location.search !== '' || !isUnbilledPath(page.location.pathname)) return NONE;
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
