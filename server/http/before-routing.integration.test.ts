import http from 'node:http';
import { startApiTestServer, type ApiTestServer } from '../api/testing/api-test-server';

/*
 * The checks made before routing (the per-address limit, the sandbox's loopback Host, the refusals of
 * what another site can send) see the path as the router matches it: restify decodes escapes, so
 * `/%61pi/me` is /api/me and must be refused or limited exactly as /api/me is. The limit counts the
 * client's address, which behind a trusted proxy is the one the proxy appended to X-Forwarded-For.
 */

/** A request sent as written: fetch would normalise the path and could not set Host. */
function send(origin: string, method: string, path: string, headers: Record<string, string>): Promise<number> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

const limits = (perAddress: number) => ({ perAddress: { limit: perAddress, windowMs: 60_000 }, perUser: { limit: 1000, windowMs: 60_000 } });
let api: ApiTestServer;

beforeAll(async () => {
  api = await startApiTestServer({ mode: 'sandbox', limits: limits(1000) });
});
afterAll(async () => api?.close());

test("a rebinding DNS name reaches neither the API nor the sandbox's bot endpoint, however the path is escaped", async () => {
  const host = { host: `rebind.evil.example:${new URL(api.origin).port}` };
  const statuses = [];
  for (const path of ['/api/me', '/%61pi/me', '/%61%70%69/unbilled?limit=1', '/api/%6De', '/API/me'])
    statuses.push([path, await send(api.origin, 'GET', path, host)]);
  for (const path of ['/api/messages', '/api/%6Dessages'])
    statuses.push([path, await send(api.origin, 'POST', path, { ...host, 'content-type': 'application/json' })]);
  expect(statuses).toEqual([
    ['/api/me', 403],
    ['/%61pi/me', 403],
    ['/%61%70%69/unbilled?limit=1', 403],
    ['/api/%6De', 403],
    ['/API/me', 403],
    ['/api/messages', 403],
    ['/api/%6Dessages', 403],
  ]);
});

test('what another site can send is refused on an escaped path too', async () => {
  const headers = { host: new URL(api.origin).host, origin: 'https://evil.example', 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' };
  expect([await send(api.origin, 'POST', '/api/sync', headers), await send(api.origin, 'POST', '/%61pi/sync', headers)]).toEqual([403, 403]);
});

test('an address over its limit is refused whatever the escape, and an undecodable path is a 400', async () => {
  const limited = await startApiTestServer({ mode: 'sandbox', limits: limits(4) });
  try {
    const host = { host: new URL(limited.origin).host };
    const statuses = [];
    for (const path of ['/api/me', '/%61pi/me', '/api/%6De', '/%61pi/me', '/%61pi/me', '/api/me']) statuses.push(await send(limited.origin, 'GET', path, host));
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  } finally {
    await limited.close();
  }
  // Escapes that decode to nothing: no route can be matched for it either.
  expect(await send(api.origin, 'GET', '/api/%E0%A4%A', { host: new URL(api.origin).host })).toBe(400);
});

test("behind a trusted proxy, each client has its own allowance: the address the proxy appended, not the proxy's", async () => {
  const proxied = await startApiTestServer({ mode: 'sandbox', limits: limits(2), trustedProxyHops: 1 });
  try {
    const asked = (client: string, written = '') =>
      send(proxied.origin, 'GET', '/api/me', { host: new URL(proxied.origin).host, 'x-forwarded-for': `${written}${client}:50312` });
    const statuses = [];
    for (const [client, written] of [['203.0.113.5'], ['203.0.113.5'], ['203.0.113.5'], ['198.51.100.9', '203.0.113.5, '], ['198.51.100.9'], ['198.51.100.9']])
      statuses.push(await asked(client!, written));
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
  } finally {
    await proxied.close();
  }
});
