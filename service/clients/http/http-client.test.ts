import { setTimeout as sleep } from 'node:timers/promises';
import { StaticTokenProvider } from '../auth/static-token-provider';
import { recordingSleep, sendJson, startTestServer, type TestHandler, type TestServer } from '../testing/test-server';
import { HttpClient, type HttpRequest } from './http-client';
import { HttpError } from './http-error';
import { KeyedLimiter } from './keyed-limiter';
import type { RetryOptions } from './retry-policy';

let server: TestServer;
let handler: TestHandler;

beforeAll(async () => {
  server = await startTestServer((req, res, body, n) => handler(req, res, body, n));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function client(retry: Partial<RetryOptions> = {}, extra: { timeoutMs?: number; limiter?: KeyedLimiter } = {}) {
  const recorder = recordingSleep();
  const http = new HttpClient({
    tokenProvider: new StaticTokenProvider('secret-token'),
    scope: 'https://example.test/.default',
    retry: { sleep: recorder.sleep, random: () => 0.5, baseDelayMs: 100, maxAttempts: 4, ...retry },
    ...extra,
  });
  return { http, waits: recorder.waits };
}

const get = (path: string): HttpRequest => ({ method: 'GET', url: `${server.url}${path}` });

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('HttpClient', () => {
  it('sends the bearer token and parses JSON', async () => {
    handler = (_req, res) => sendJson(res, 200, { hello: 'world' });
    const { http } = client();
    const response = await http.send(get('/x'));
    expect(response.body).toEqual({ hello: 'world' });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer secret-token');
  });

  it('waits the Retry-After seconds of a 429, then succeeds', async () => {
    handler = (_req, res, _b, n) =>
      n === 1 ? sendJson(res, 429, { error: { code: 'TooManyRequests' } }, { 'retry-after': '1' }) : sendJson(res, 200, { ok: true });
    const { http, waits } = client();
    const response = await http.send(get('/throttled'));
    expect(response.body).toEqual({ ok: true });
    expect(waits).toEqual([1000]);
    expect(server.requests).toHaveLength(2);
  });

  it('honours a Retry-After given as an HTTP date', async () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    handler = (_req, res, _b, n) => (n === 1 ? sendJson(res, 503, {}, { 'retry-after': new Date(now + 3000).toUTCString() }) : sendJson(res, 200, {}));
    const { http, waits } = client({ now: () => now });
    await http.send(get('/date'));
    expect(waits).toEqual([3000]);
  });

  it('backs off exponentially with full jitter when a 429 has no Retry-After', async () => {
    handler = (_req, res, _b, n) => (n <= 3 ? sendJson(res, 429, {}) : sendJson(res, 200, {}));
    const { http, waits } = client();
    await http.send(get('/backoff'));
    // random() = 0.5 of ceilings 100, 200, 400
    expect(waits).toEqual([50, 100, 200]);
  });

  it('caps one backoff wait at maxDelayMs', async () => {
    handler = (_req, res, _b, n) => (n <= 3 ? sendJson(res, 500, {}) : sendJson(res, 200, {}));
    const { http, waits } = client({ random: () => 0.999, maxDelayMs: 150 });
    await http.send(get('/cap'));
    expect(waits.every((w) => w < 150)).toBe(true);
  });

  it('retries a 503', async () => {
    handler = (_req, res, _b, n) => (n === 1 ? sendJson(res, 503, {}) : sendJson(res, 200, { n }));
    const { http } = client();
    expect((await http.send(get('/503'))).body).toEqual({ n: 2 });
  });

  it('retries a GET after the connection is reset', async () => {
    handler = (req, res, _b, n) => (n === 1 ? void req.socket.destroy() : sendJson(res, 200, { n }));
    const { http } = client();
    expect((await http.send(get('/reset'))).body).toEqual({ n: 2 });
  });

  it('gives up on a 500 forever after maxAttempts, naming the request and the last failure', async () => {
    handler = (_req, res) => sendJson(res, 500, { error: { code: 'InternalServerError', message: 'boom' } });
    const { http } = client({ maxAttempts: 3 });
    const error = await failure(http.send(get('/always-500?$filter=email%20eq%20%27a@b.c%27&start=2026-01-01')));
    expect(server.requests).toHaveLength(3);
    expect(error.reason).toBe('server');
    expect(error.attempts).toBe(3);
    expect(error.status).toBe(500);
    expect(error.code).toBe('InternalServerError');
    expect(error.message).toContain(`GET ${server.url}/always-500`);
    expect(error.message).toContain('after 3 attempts');
    expect(error.message).toContain('boom');
    // the filter may hold personal data; the range does not
    expect(error.message).not.toContain('a@b.c');
    expect(error.message).toContain('start=2026-01-01');
  });

  it('never retries a 400 and surfaces the service error', async () => {
    handler = (_req, res) => sendJson(res, 400, { error: { code: 'BadRequest_InvalidFilter', message: 'bad filter CorrelationId: 1' } });
    const { http } = client();
    const error = await failure(http.send(get('/bad')));
    expect(server.requests).toHaveLength(1);
    expect(error.reason).toBe('client');
    expect(error.code).toBe('BadRequest_InvalidFilter');
    expect(error.serviceMessage).toBe('bad filter CorrelationId: 1');
  });

  it('maps 404, 401 and 409 to their reasons without retrying', async () => {
    const statuses = [404, 401, 409];
    handler = (req, res) => sendJson(res, Number(req.url?.slice(1)), {});
    const { http } = client();
    const reasons = await Promise.all(statuses.map(async (s) => (await failure(http.send(get(`/${s}`)))).reason));
    expect(reasons).toEqual(['not-found', 'auth', 'conflict']);
    expect(server.requests).toHaveLength(3);
  });

  it('retries a POST on 429 but not on 500 or a reset unless marked idempotent', async () => {
    handler = (_req, res, _b, n) => (n === 1 ? sendJson(res, 429, {}) : sendJson(res, 201, { created: true }));
    const { http } = client();
    expect((await http.send({ method: 'POST', url: `${server.url}/p`, body: { a: 1 } })).status).toBe(201);
    expect(server.requests[1]?.body).toBe('{"a":1}');

    server.requests.length = 0;
    handler = (_req, res) => sendJson(res, 500, {});
    expect((await failure(http.send({ method: 'POST', url: `${server.url}/p`, body: {} }))).reason).toBe('server');
    expect(server.requests).toHaveLength(1);

    server.requests.length = 0;
    handler = (req, res, _b, n) => (n === 1 ? void req.socket.destroy() : sendJson(res, 200, {}));
    expect((await failure(http.send({ method: 'POST', url: `${server.url}/p`, body: {} }))).reason).toBe('network');
    expect(server.requests).toHaveLength(1);

    server.requests.length = 0;
    await http.send({ method: 'POST', url: `${server.url}/p`, body: {}, idempotent: true });
    expect(server.requests).toHaveLength(2);
  });

  it('does not repeat a POST answered 503: the work may have been done, so the answer is lost, not refused', async () => {
    handler = (_req, res, _b, n) => (n === 1 ? sendJson(res, 503, {}) : sendJson(res, 201, {}));
    const { http } = client();
    expect((await failure(http.send({ method: 'POST', url: `${server.url}/p`, body: {} }))).reason).toBe('unavailable');
    expect(server.requests).toHaveLength(1);
  });

  it('gives one request a longer timeout than the client default (a $batch sized by its operations)', async () => {
    handler = async (_req, res) => {
      await sleep(300);
      sendJson(res, 200, { late: true });
    };
    const { http } = client({ maxAttempts: 1 }, { timeoutMs: 100 });
    expect((await failure(http.send(get('/batch')))).reason).toBe('timeout');
    expect((await http.send({ ...get('/batch'), timeoutMs: 2_000 })).body).toEqual({ late: true });
  });

  it('times out a slow attempt and retries it', async () => {
    handler = async (req, res, _b, n) => {
      // The first attempt is never answered: only the client's timeout ends it.
      if (n === 1) return new Promise<void>((resolve) => req.socket.once('close', () => resolve()));
      sendJson(res, 200, { n });
    };
    // The timeout is a real timer: an answered attempt slower than it under load (it was, in CI, at 100 ms)
    // is retried too, so the answer is the last attempt's, after at least the one that was never answered.
    const { http } = client({}, { timeoutMs: 1000 });
    const { body } = await http.send(get('/slow'));
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
    expect(body).toEqual({ n: server.requests.length });
  });

  it('gives up at once when Retry-After exceeds the total delay budget', async () => {
    handler = (_req, res) => sendJson(res, 429, {}, { 'retry-after': '3600' });
    const { http, waits } = client({ maxTotalDelayMs: 10_000 });
    const error = await failure(http.send(get('/long')));
    expect(error.reason).toBe('throttled');
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(waits).toEqual([]);
  });

  it('reports a non-JSON success body as an invalid response', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>');
    };
    const { http } = client();
    expect((await failure(http.send(get('/html')))).reason).toBe('invalid-response');
  });

  it('holds a limiter slot per attempt, not while backing off', async () => {
    const limiter = new KeyedLimiter(1);
    handler = (req, res) => (req.url === '/a' && server.requests.filter((r) => r.url === '/a').length === 1 ? sendJson(res, 429, {}) : sendJson(res, 200, {}));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const http = new HttpClient({
      tokenProvider: new StaticTokenProvider('t'),
      scope: 's',
      limiter,
      retry: {
        sleep: async () => {
          order.push('a backs off');
          await gate;
        },
      },
    });
    const a = http.send({ ...get('/a'), limit: { key: 'k' } });
    while (!order.includes('a backs off')) await new Promise((resolve) => setImmediate(resolve));
    await http.send({ ...get('/b'), limit: { key: 'k' } });
    order.push('b done');
    release();
    await a;
    expect(order).toEqual(['a backs off', 'b done']);
  });
});
