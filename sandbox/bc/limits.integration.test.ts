import { createBcEmulator, type BcEmulator, type BcListening } from './index';
import { COMPANY_ID, testSeed } from './test-fixtures';

const TOKEN = 't';
const started: BcListening[] = [];

async function start(settings: Parameters<typeof createBcEmulator>[1], random?: () => number): Promise<{ emulator: BcEmulator; server: BcListening }> {
  const emulator = createBcEmulator(testSeed(), { token: TOKEN, ...settings }, random ? { random } : {});
  const server = await emulator.listen();
  started.push(server);
  return { emulator, server };
}
afterAll(() => Promise.all(started.map((s) => s.close())));

const get = (server: BcListening, path = `/companies(${COMPANY_ID})/items`) =>
  fetch(`${server.apiBaseUrl}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });

describe('limits', () => {
  it('processes at most 5 operations at once and queues the sixth', async () => {
    const { emulator, server } = await start({ serviceTimeMs: 100 });
    const statuses = await Promise.all(Array.from({ length: 6 }, () => get(server).then((r) => r.status)));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    expect(emulator.stats().maxConcurrency).toBe(5);
    expect(emulator.stats().queueHighWater).toBe(1);
  });

  it('answers 429 without Retry-After once 5 run and 95 wait', async () => {
    const { emulator, server } = await start({ serviceTimeMs: 2000 });
    const pending = Array.from({ length: 110 }, () => get(server));
    const settled: Response[] = [];
    // The rejected ones come back at once; then let the queue drain quickly.
    while (emulator.stats().queueRejected < 10) await new Promise((r) => setTimeout(r, 10));
    emulator.update({ serviceTimeMs: 0 });
    settled.push(...(await Promise.all(pending)));
    const rejected = settled.filter((r) => r.status === 429);
    expect(rejected).toHaveLength(10);
    expect(settled.filter((r) => r.status === 200)).toHaveLength(100);
    expect(rejected.every((r) => r.headers.get('retry-after') === null)).toBe(true);
    expect(((await rejected[0]!.json()) as { error: { code: string } }).error.code).toBe('Application_TooManyRequests');
    expect(emulator.stats()).toMatchObject({ maxConcurrency: 5, queueHighWater: 95, throttled: 10 });
  });

  it('answers 429 once the request-rate window is used up', async () => {
    const { emulator, server } = await start({ rateLimit: { maxRequests: 3, windowMs: 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await get(server)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(emulator.stats().rateLimited).toBe(1);
  });
});

describe('fault injection', () => {
  it('fails requests as the random source decides: 500, 503 and connection resets', async () => {
    // Each request draws once for "fault?" and, when faulting, once for the kind.
    const draws = [0.1, 0.0, 0.9, 0.1, 0.5, 0.1, 0.9];
    let i = 0;
    const { emulator, server } = await start({ faultRate: 0.5, faultKinds: ['500', '503', 'reset'] }, () => draws[i++] ?? 0.99);
    expect((await get(server)).status).toBe(500);
    expect((await get(server)).status).toBe(200);
    expect((await get(server)).status).toBe(503);
    await expect(get(server)).rejects.toThrow();
    expect(emulator.stats().faults).toBe(3);
  });

  it('never applies a change when it faults', async () => {
    const { emulator, server } = await start({ faultRate: 1, faultKinds: ['500'] });
    const res = await fetch(`${server.apiBaseUrl}/companies(${COMPANY_ID})/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'Ghost' }),
    });
    expect(res.status).toBe(500);
    expect(emulator.state.company(COMPANY_ID)!.customers.some((c) => c.displayName === 'Ghost')).toBe(false);
  });
});

describe('control endpoints', () => {
  it('reads and patches settings (validated) and reports stats, all behind the token', async () => {
    const { server } = await start({});
    const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    expect((await fetch(`${server.origin}/_emulator/settings`)).status).toBe(401);
    const patched = await fetch(`${server.origin}/_emulator/settings`, { method: 'PATCH', headers: auth, body: JSON.stringify({ pageSize: 2, rateLimit: { maxRequests: 10 } }) });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ pageSize: 2, rateLimit: { maxRequests: 10, windowMs: 300_000 } });
    const invalid = await fetch(`${server.origin}/_emulator/settings`, { method: 'PATCH', headers: auth, body: JSON.stringify({ faultRate: 2 }) });
    expect(invalid.status).toBe(400);
    const page = (await (await get(server, `/companies(${COMPANY_ID})/customers`)).json()) as { value: unknown[]; '@odata.nextLink'?: string };
    expect(page.value).toHaveLength(2);
    expect(page['@odata.nextLink']).toBeDefined();
    const stats = (await (await fetch(`${server.origin}/_emulator/stats`, { headers: auth })).json()) as { requests: number };
    expect(stats.requests).toBe(1);
  });
});
