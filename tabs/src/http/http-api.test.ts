import { httpApi, type FetchLike } from './http-api';

/** A transport that records each request and answers with the JSON given. */
function recording(answer: unknown, status = 200) {
  const sent: { url: string; method: string; body: unknown; authorization: string | undefined }[] = [];
  const fetch: FetchLike = async (url, init) => {
    const headers = init.headers as Record<string, string>;
    sent.push({
      url,
      method: init.method ?? 'GET',
      body: init.body === undefined ? undefined : JSON.parse(init.body as string),
      authorization: headers.authorization,
    });
    return new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json' } });
  };
  return { sent, api: httpApi({ fetch, getToken: async () => 'token', baseUrl: 'https://tab.example' }) };
}

describe('the HTTP client, derived from the endpoint table', () => {
  it('fills path parameters, sends the body, and parses the answer with the endpoint’s schema', async () => {
    const { sent, api } = recording({ id: 'a/1', change: 'excluded' });
    await expect(api.exclude('a/1', 'paid in cash')).resolves.toEqual({ id: 'a/1', change: 'excluded' });
    expect(sent).toEqual([
      { url: 'https://tab.example/api/appointments/a%2F1/exclude', method: 'POST', body: { reason: 'paid in cash' }, authorization: 'Bearer token' },
    ]);
  });

  it('sends {} to a change without fields and no body with a GET, its query string without empty values', async () => {
    const { sent, api } = recording({ runs: [] });
    await api.syncRuns(1);
    const include = recording({ id: 'x', change: 'included' });
    await include.api.include('x');
    const choices = recording({ service: { id: 's', name: 'S', linkedItem: null, conflict: null }, items: [], more: false });
    await choices.api.serviceLinkChoices('s', '  ');
    expect(sent[0]).toMatchObject({ url: 'https://tab.example/api/sync?limit=1', method: 'GET', body: undefined });
    expect(include.sent[0]).toMatchObject({ method: 'POST', body: {} });
    expect(choices.sent[0]?.url).toBe('https://tab.example/api/services/s/link-choices');
  });

  it('marks a no-show and undoes it at their own paths', async () => {
    const marked = recording({ id: 'a/1', change: 'no-show' });
    await expect(marked.api.markNoShow('a/1')).resolves.toEqual({ id: 'a/1', change: 'no-show' });
    const undone = recording({ id: 'a/1', change: 'attended' });
    await expect(undone.api.attended('a/1')).resolves.toEqual({ id: 'a/1', change: 'attended' });
    expect(marked.sent[0]).toMatchObject({ url: 'https://tab.example/api/appointments/a%2F1/no-show', method: 'POST', body: {} });
    expect(undone.sent[0]).toMatchObject({ url: 'https://tab.example/api/appointments/a%2F1/attended', method: 'POST', body: {} });
  });

  it('asks who the user is once for the shell and every page, and again after a failure', async () => {
    const me = { id: 'u1', name: 'Anna', roles: ['reader'], mode: 'sandbox' };
    const { sent, api } = recording(me);
    const answers = await Promise.all([api.me(), api.me(), api.me()]);
    expect(answers).toEqual([me, me, me]);
    expect(sent).toHaveLength(1);

    const failing = recording({ error: { code: 'unauthorized', message: 'Sign in' } }, 401);
    await expect(failing.api.me()).rejects.toThrow();
    await expect(failing.api.me()).rejects.toThrow();
    expect(failing.sent).toHaveLength(2);
  });

  it('refuses an answer its schema does not describe', async () => {
    const { api } = recording({ id: 'x' });
    await expect(api.include('x')).rejects.toMatchObject({ reason: 'bad_response' });
  });

  it('reads an error answer as its code and fields', async () => {
    const { api } = recording({ error: { code: 'invalid_body', message: 'Invalid', fields: { reason: 'Too long' } } }, 400);
    await expect(api.exclude('x', 'r')).rejects.toMatchObject({ reason: 'invalid_body', status: 400, fields: { reason: 'Too long' } });
  });

  describe('a request refused as too many (429 with Retry-After)', () => {
    const me = { id: 'u1', name: 'Anna', roles: ['reader'], mode: 'sandbox' };
    const busy = { error: { code: 'busy', message: 'Too many requests; try again shortly' } };

    /** Answers 429 with `retryAfter` for the first `refusals` requests, then `answer`; records each wait asked for. */
    function refusing(refusals: number, retryAfter: string, answer: unknown) {
      const sent: string[] = [];
      const waits: number[] = [];
      const fetch: FetchLike = async (url, init) => {
        sent.push(`${init.method ?? 'GET'} ${url}`);
        if (sent.length <= refusals)
          return new Response(JSON.stringify(busy), { status: 429, headers: { 'content-type': 'application/json', 'retry-after': retryAfter } });
        return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
      };
      const sleep = async (ms: number) => {
        waits.push(ms);
      };
      return { sent, waits, api: httpApi({ fetch, getToken: async () => null, sleep }) };
    }

    it('asks a read again after the wait the server names, and answers with what comes then', async () => {
      const { sent, waits, api } = refusing(2, '7', me);
      await expect(api.me()).resolves.toEqual(me);
      expect(waits).toEqual([7000, 7000]);
      expect(sent).toEqual(['GET /api/me', 'GET /api/me', 'GET /api/me']);
    });

    it('gives up on a read after three waits, with the server’s words', async () => {
      const { sent, waits, api } = refusing(10, '1', me);
      await expect(api.me()).rejects.toMatchObject({ reason: 'busy', status: 429, message: 'Too many requests; try again shortly' });
      expect(waits).toEqual([1000, 1000, 1000]);
      expect(sent).toHaveLength(4);
    });

    it('does not wait out a Retry-After longer than a minute', async () => {
      const { sent, waits, api } = refusing(1, '120', me);
      await expect(api.me()).rejects.toMatchObject({ reason: 'busy' });
      expect(waits).toEqual([]);
      expect(sent).toHaveLength(1);
    });

    it('never sends a change twice: a refused change is the person’s to try again', async () => {
      const { sent, waits, api } = refusing(1, '1', { id: 'x', change: 'included' });
      await expect(api.include('x')).rejects.toMatchObject({ reason: 'busy', status: 429 });
      expect(waits).toEqual([]);
      expect(sent).toEqual(['POST /api/appointments/x/include']);
    });
  });
});
