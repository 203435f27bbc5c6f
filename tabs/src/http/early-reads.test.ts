import { EARLY_READ_URLS, startEarlyReads } from './early-reads';
import { withFirstReads } from './first-reads';
import { type FetchLike, httpApi } from './http-api';
import { firstQueryForLink } from '../pages/unbilled/filter-state';

/** A page at `path` whose fetch records what it is asked and answers each request with a Response of its own. */
function page(path: string, options: { framed?: boolean; teamsMobile?: boolean } = {}) {
  const [pathname = '/', search = ''] = path.split(/(?=\?)/);
  const asked: string[] = [];
  const self = {};
  return {
    asked,
    location: { pathname, search },
    self,
    parent: options.framed ? {} : self,
    ...(options.teamsMobile ? { nativeInterface: {} } : {}),
    fetch: (url: string) => {
      asked.push(url);
      return Promise.resolve(new Response(JSON.stringify({ url })));
    },
  };
}

describe('startEarlyReads', () => {
  it('asks for the URLs httpApi asks for the first reads of Unbilled without a link', async () => {
    const asked: string[] = [];
    const fetch: FetchLike = async (url) => {
      asked.push(url);
      return new Response('{}');
    };
    const api = withFirstReads(httpApi({ fetch, getToken: async () => null }), firstQueryForLink(null));
    // The page's first calls take the reads withFirstReads started: once they have settled, every one was asked.
    await Promise.allSettled([api.unbilled(firstQueryForLink(null)), api.setup(), api.catalog(), api.syncRuns(1), api.me()]);
    expect([...asked].sort()).toEqual([...EARLY_READ_URLS].sort());
  });

  it('hands each answer to the first GET without a token for its URL, once; anything else to the network', async () => {
    const tab = page('/tab/unbilled');
    const early = startEarlyReads(tab);
    expect(tab.asked).toEqual([...EARLY_READ_URLS]);

    expect(early.take('/api/setup', { method: 'GET', headers: { accept: 'application/json', authorization: 'Bearer t' } })).toBeNull();
    expect(early.take('/api/setup', { method: 'POST', headers: {} })).toBeNull();
    expect(early.take('/api/history', { method: 'GET', headers: {} })).toBeNull();
    const answer = early.take('/api/setup', { method: 'GET', headers: { accept: 'application/json' } });
    await expect(answer?.then((r) => r.json())).resolves.toEqual({ url: '/api/setup' });
    expect(early.take('/api/setup', { method: 'GET', headers: {} })).toBeNull();
  });

  it.each(['/', '/tab', '/tab/', '/tab/unbilled'])('asks at %s', (path) => {
    const tab = page(path);
    startEarlyReads(tab);
    expect(tab.asked).toHaveLength(EARLY_READ_URLS.length);
  });

  it.each(['/tab/setup', '/tab/history', '/tab/configure', '/tab/unbilled?customer=Kunde'])('asks nothing at %s', (path) => {
    const tab = page(path);
    expect(startEarlyReads(tab).take('/api/setup', { method: 'GET' })).toBeNull();
    expect(tab.asked).toEqual([]);
  });

  it.each([{ framed: true }, { teamsMobile: true }])('asks nothing where Teams may need a token: %o', (where) => {
    const tab = page('/tab/unbilled', where);
    startEarlyReads(tab);
    expect(tab.asked).toEqual([]);
  });
});
