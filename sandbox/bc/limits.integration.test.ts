import { heldSleep, until } from '../http/testing/held-sleep';
import { createBcEmulator, type BcEmulator, type BcEmulatorDeps, type BcListening } from './index';
import { COMPANY_ID, testSeed } from './test-fixtures';

const TOKEN = 't';
const NOW = new Date('2026-11-25T10:00:00Z');
const started: BcListening[] = [];

async function start(settings: Parameters<typeof createBcEmulator>[1], deps: BcEmulatorDeps = {}): Promise<{ emulator: BcEmulator; server: BcListening }> {
  const emulator = createBcEmulator(testSeed(), { token: TOKEN, ...settings }, { now: () => NOW, ...deps });
  const server = await emulator.listen();
  started.push(server);
  return { emulator, server };
}
afterAll(() => Promise.all(started.map((s) => s.close())));

const get = (server: BcListening, path = `/companies(${COMPANY_ID})/items`) =>
  fetch(`${server.apiBaseUrl}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });

describe('limits', () => {
  // Service times are held open by the test until it has seen the load it wants, so the limits are
  // reached for certain, not when the requests happen to overlap. The emulator's clock stands still:
  // an operation whose due time had passed on a busy machine would not wait, and never be held.
  const still = { monotonic: () => 0 };
  it('processes at most 5 operations at once and queues the sixth', async () => {
    const held = heldSleep();
    const { emulator, server } = await start({ serviceTimeMs: 1 }, { sleep: held.sleep, ...still });
    const pending = Array.from({ length: 6 }, () => get(server).then((r) => r.status));
    await held.holding(5);
    await until(() => emulator.stats().queueHighWater === 1);
    held.release();
    expect(await Promise.all(pending)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(emulator.stats()).toMatchObject({ maxConcurrency: 5, queueHighWater: 1, throttled: 0 });
  });

  it('answers 429 without Retry-After once 5 run and 95 wait', async () => {
    const held = heldSleep();
    const { emulator, server } = await start({ serviceTimeMs: 1 }, { sleep: held.sleep, ...still });
    const pending = Array.from({ length: 110 }, () => get(server));
    await held.holding(5);
    await until(() => emulator.stats().queueRejected === 10 && emulator.stats().queueHighWater === 95);
    held.release();
    const settled = await Promise.all(pending);
    const rejected = settled.filter((r) => r.status === 429);
    expect(rejected).toHaveLength(10);
    expect(settled.filter((r) => r.status === 200)).toHaveLength(100);
    expect(rejected.every((r) => r.headers.get('retry-after') === null)).toBe(true);
    expect(((await rejected[0]!.json()) as { error: { code: string } }).error.code).toBe('Application_TooManyRequests');
    expect(emulator.stats()).toMatchObject({ maxConcurrency: 5, queueHighWater: 95, throttled: 10 });
  });

  it("paces a batch's operations against a deadline, so its own work and a late timer count within the service time", async () => {
    let t = 1000;
    const asked: number[] = [];
    // Each wait comes back 6 ms late, as the emulator's own work on an operation would make it.
    const sleep = async (ms: number) => {
      asked.push(ms);
      t += ms + 6;
    };
    const { server } = await start({ serviceTimeMs: 5 }, { sleep, monotonic: () => t });
    const op = (id: string) => ({ id, method: 'GET', url: `companies(${COMPANY_ID})/items` });
    const res = await fetch(`${server.apiBaseUrl}/$batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ requests: [op('1'), op('2'), op('3')] }),
    });
    expect(res.status).toBe(200);
    // Due at 1005, 1010, 1015: the first waits 5 and ends at 1011, past the second's due (no wait), the third waits the 4 left.
    expect(asked).toEqual([5, 4]);
    expect(t).toBe(1021);
  });

  it('answers 429 once the request-rate window is used up, and admits again as the window slides on its clock', async () => {
    let nowMs = NOW.getTime();
    const { emulator, server } = await start({ rateLimit: { maxRequests: 3, windowMs: 60_000 } }, { now: () => new Date(nowMs) });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await get(server)).status);
    nowMs += 59_999;
    statuses.push((await get(server)).status);
    nowMs += 1;
    statuses.push((await get(server)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429, 200]);
    expect(emulator.stats().rateLimited).toBe(2);
  });
});

describe('fault injection', () => {
  it('fails requests as the random source decides: 500, 503 and connection resets', async () => {
    // Each request draws once for "fault?" and, when faulting, once for the kind.
    const draws = [0.1, 0.0, 0.9, 0.1, 0.5, 0.1, 0.9];
    let i = 0;
    const { emulator, server } = await start({ faultRate: 0.5, faultKinds: ['500', '503', 'reset'] }, { random: () => draws[i++] ?? 0.99 });
    expect((await get(server)).status).toBe(500);
    expect((await get(server)).status).toBe(200);
    expect((await get(server)).status).toBe(503);
    await expect(get(server)).rejects.toThrow();
    expect(emulator.stats().faults).toBe(3);
  });

  it('fails exactly the requests a schedule names, with its kinds in turn, counted from when it is set', async () => {
    const { emulator, server } = await start({ faultSchedule: { onRequests: [2, 3, 5], kinds: ['503', '500'] } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await get(server)).status);
    expect(statuses).toEqual([200, 503, 500, 200, 503, 200]);

    const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const patch = (body: unknown) => fetch(`${server.origin}/_emulator/settings`, { method: 'PATCH', headers: auth, body: JSON.stringify(body) });
    expect((await patch({ faultSchedule: { onRequests: [2] } })).status).toBe(200);
    expect((await get(server)).status).toBe(200);
    // Without kinds of its own the schedule takes faultKinds: the first is 500.
    expect((await get(server)).status).toBe(500);
    expect((await patch({ latencyMs: 0 })).status).toBe(200);
    expect((await get(server)).status).toBe(200);
    emulator.update({ faultSchedule: { onRequests: [1], kinds: ['reset'] } });
    await expect(get(server)).rejects.toThrow();
    expect(emulator.stats().faults).toBe(5);
    expect((await patch({ faultSchedule: { onRequests: [0] } })).status).toBe(400);
  });

  it('draws faults and new ids from its seed: the same seed repeats them, another does not', async () => {
    const run = async (seed: number) => {
      const { emulator, server } = await start({ faultRate: 0.5, faultKinds: ['500'] }, { seed });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) statuses.push((await get(server)).status);
      emulator.update({ faultRate: 0 });
      const created = await fetch(`${server.apiBaseUrl}/companies(${COMPANY_ID})/customers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ displayName: 'Seeded' }),
      });
      return { statuses, id: ((await created.json()) as { id: string }).id };
    };
    const first = await run(1);
    expect(first.statuses).toContain(500);
    expect(first.statuses).toContain(200);
    expect(await run(1)).toEqual(first);
    const other = await run(2);
    expect(other.id).not.toBe(first.id);
    expect(other.statuses).not.toEqual(first.statuses);
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
    const patched = await fetch(`${server.origin}/_emulator/settings`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ pageSize: 2, rateLimit: { maxRequests: 10 } }),
    });
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
