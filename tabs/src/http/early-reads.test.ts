import { withEarlyReads } from './early-reads';
import { httpApi, type FetchLike } from './http-api';

/** A transport that records each request's URL and answers each with a fresh body from `answer`. */
function recording(answer: (url: string) => unknown) {
  const urls: string[] = [];
  let sent: () => void = () => undefined;
  /** Settles once the first request has gone out. */
  const firstSent = new Promise<void>((resolve) => (sent = resolve));
  const fetch: FetchLike = async (url) => {
    urls.push(url);
    sent();
    return new Response(JSON.stringify(answer(url)), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { urls, firstSent, api: httpApi({ fetch, getToken: async () => null }) };
}

const syncRuns = (url: string) => ({ runs: [], asked: url });

describe('reads asked before the app has loaded', () => {
  it('are asked at once, and the first identical call gets that answer without asking again', async () => {
    const { urls, firstSent, api } = recording(() => ({ runs: [] }));
    const early = withEarlyReads(api, [['syncRuns', 1]]);
    await firstSent;
    expect(urls).toEqual(['/api/sync?limit=1']);
    await expect(early.syncRuns(1)).resolves.toEqual({ runs: [] });
    expect(urls).toEqual(['/api/sync?limit=1']);
  });

  it('are handed out once: a second call, or a call with other arguments, asks the server', async () => {
    const { urls, api } = recording(syncRuns);
    const early = withEarlyReads(api, [['syncRuns', 1]]);
    await early.syncRuns(1);
    await early.syncRuns(1);
    await early.syncRuns(10);
    expect(urls).toEqual(['/api/sync?limit=1', '/api/sync?limit=1', '/api/sync?limit=10']);
  });

  it('leave every other method as the api has it', async () => {
    const { urls, api } = recording(() => ({ id: 'a', change: 'excluded' }));
    const early = withEarlyReads(api, []);
    await expect(early.exclude('a')).resolves.toEqual({ id: 'a', change: 'excluded' });
    expect(urls).toEqual(['/api/appointments/a/exclude']);
  });
});
