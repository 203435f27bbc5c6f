import { heldSleep, until } from '../http/testing/held-sleep';
import { business, BUSINESS_ID, businessPath, OTHER_BUSINESS_ID, seedOf, startHarness, type Harness } from './test-support';

interface ErrorBody {
  error: { code: string };
}

/** A random() that replays the given values in a loop, so each test decides which fault fires. */
function replay(values: number[]): { random: () => number; set(next: number[]): void } {
  let queue = values;
  let i = 0;
  return {
    random: () => queue[i++ % queue.length] ?? 0,
    set(next) {
      queue = next;
      i = 0;
    },
  };
}

describe('per-mailbox throttling', () => {
  let h: Harness;
  // The latency is held open by the test until the four requests are in flight, so the fifth overlaps them for certain.
  const held = heldSleep();
  beforeAll(async () => {
    h = await startHarness(seedOf(business(BUSINESS_ID, 3), business(OTHER_BUSINESS_ID, 3)), { latencyMs: 1, retryAfterSeconds: 1 }, { sleep: held.sleep });
  });
  afterAll(() => h.close());

  it('answers 429 with Retry-After when more than 4 requests for one mailbox overlap', async () => {
    const pending = Array.from({ length: 5 }, () => h.call(`${businessPath()}/services`));
    await held.holding(4);
    await until(() => h.emulator.stats().throttled === 1);
    held.release();
    const responses = await Promise.all(pending);
    const throttled = responses.filter((r) => r.status === 429);
    expect(throttled).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(4);
    for (const res of throttled) {
      expect(res.headers.get('retry-after')).toBe('1');
      expect(((await res.json()) as ErrorBody).error.code).toBe('TooManyRequests');
    }
    const stats = h.emulator.stats();
    expect(stats.throttled).toBe(throttled.length);
    expect(stats.maxConcurrencyByMailbox[BUSINESS_ID]).toBe(5);
  });

  it('frees slots when requests finish and counts each mailbox apart', async () => {
    const mixed = await Promise.all([
      ...Array.from({ length: 4 }, () => h.call(`${businessPath()}/services`)),
      ...Array.from({ length: 4 }, () => h.call(`${businessPath(OTHER_BUSINESS_ID)}/services`)),
    ]);
    expect(mixed.map((r) => r.status)).toEqual(Array(8).fill(200));
  });
});

describe('fault injection', () => {
  const sequence = replay([0, 0]);
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(seedOf(business(BUSINESS_ID, 3)), { retryAfterSeconds: 0 }, { random: sequence.random });
  });
  afterAll(() => h.close());
  afterEach(() => h.emulator.update({ faultRate: 0, faultKinds: ['500', '503', 'reset'], faultSchedule: null }));

  it('injects 500, 503 with Retry-After and connection resets as the random draws decide', async () => {
    h.emulator.update({ faultRate: 0.5 });
    sequence.set([0.1, 0]);
    const internal = await h.json<ErrorBody>(`${businessPath()}/services`);
    expect([internal.status, internal.body.error.code]).toEqual([500, 'InternalServerError']);

    sequence.set([0.1, 0.5]);
    const unavailable = await h.json<ErrorBody>(`${businessPath()}/services`);
    expect([unavailable.status, unavailable.body.error.code]).toEqual([503, 'ServiceUnavailable']);
    expect(unavailable.headers.get('retry-after')).toBe('0');

    sequence.set([0.1, 0.9]);
    await expect(h.call(`${businessPath()}/services`)).rejects.toThrow();

    sequence.set([0.6]);
    expect((await h.call(`${businessPath()}/services`)).status).toBe(200);
    expect(h.emulator.stats().faultsByKind).toEqual({ '500': 1, '503': 1, reset: 1 });
    expect(h.emulator.stats().faultsInjected).toBe(3);
  });

  it('fails a write before it changes anything, so a retry is safe', async () => {
    const count = async () => (await h.json<{ value: unknown[] }>(`${businessPath()}/customers`)).body.value.length;
    const before = await count();
    h.emulator.update({ faultRate: 1, faultKinds: ['500'] });
    sequence.set([0]);
    const res = await h.call(`${businessPath()}/customers`, { method: 'POST', body: { displayName: 'Retry Me' } });
    expect(res.status).toBe(500);
    h.emulator.update({ faultRate: 0 });
    expect(await count()).toBe(before);
  });

  it('fails the requests a schedule names, counting $batch items, and gives an item 503 where the schedule says reset', async () => {
    const before = h.emulator.stats().faultsInjected;
    h.emulator.update({ faultSchedule: { onRequests: [2, 4], kinds: ['500', 'reset'] } });
    expect((await h.call(`${businessPath()}/services`)).status).toBe(200);
    expect((await h.call(`${businessPath()}/services`)).status).toBe(500);
    // Request 3 is the envelope and its first item request 4, scheduled for a reset it cannot suffer.
    const res = await h.json<{ responses: Array<{ id: string; status: number }> }>('/$batch', {
      method: 'POST',
      body: {
        requests: [
          { id: '1', method: 'GET', url: `${businessPath()}/services` },
          { id: '2', method: 'GET', url: `${businessPath()}/staffMembers`, dependsOn: ['1'] },
        ],
      },
    });
    expect(res.body.responses.map((r) => [r.id, r.status])).toEqual([
      ['1', 503],
      ['2', 424],
    ]);
    h.emulator.update({ faultSchedule: { onRequests: [1], kinds: ['reset'] } });
    await expect(h.call(`${businessPath()}/services`)).rejects.toThrow();
    expect((await h.call(`${businessPath()}/services`)).status).toBe(200);
    expect(h.emulator.stats().faultsInjected - before).toBe(3);
  });

  it('faults batch items inside the envelope but never resets for them', async () => {
    h.emulator.update({ faultRate: 0.5, faultKinds: ['reset', '503'] });
    // The envelope draws 0.99 (no fault); each item then draws 0.1 (fault) and 0 (first kind it may suffer).
    sequence.set([0.99, 0.1, 0, 0.1, 0]);
    const res = await h.json<{ responses: Array<{ status: number; headers: Record<string, string> }> }>('/$batch', {
      method: 'POST',
      body: {
        requests: [
          { id: '1', method: 'GET', url: `${businessPath()}/services` },
          { id: '2', method: 'GET', url: `${businessPath()}/staffMembers` },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.responses.map((r) => r.status)).toEqual([503, 503]);
    expect(res.body.responses[0]?.headers['Retry-After']).toBe('0');
  });
});

describe('seeded chance', () => {
  it('draws faults and new ids from its seed: the same seed repeats them, another does not', async () => {
    const run = async (seed: number) => {
      const h = await startHarness(seedOf(business(BUSINESS_ID, 3)), { faultRate: 0.5, faultKinds: ['500'], retryAfterSeconds: 0 }, { seed });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 12; i += 1) statuses.push((await h.call(`${businessPath()}/services`)).status);
        h.emulator.update({ faultRate: 0 });
        const created = await h.json<{ id: string }>(`${businessPath()}/customers`, {
          method: 'POST',
          body: { displayName: 'Seeded', emailAddress: 'seeded@example.com' },
        });
        return { statuses, id: created.body.id };
      } finally {
        await h.close();
      }
    };
    const first = await run(5);
    expect(first.statuses).toContain(500);
    expect(first.statuses).toContain(200);
    expect(await run(5)).toEqual(first);
    const other = await run(6);
    expect(other.id).not.toBe(first.id);
    expect(other.statuses).not.toEqual(first.statuses);
  });
});
