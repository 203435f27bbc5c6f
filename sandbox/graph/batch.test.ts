import { appointment, business, BUSINESS_ID, businessPath, enc, OTHER_BUSINESS_ID, seedOf, startHarness, type Harness } from './test-support';

interface ItemResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: { error?: { code: string; message: string }; value?: Array<{ id: string }>; id?: string; startDateTime?: { dateTime: string } };
}
interface BatchBody {
  responses: ItemResponse[];
}

const get = (id: string, url: string, dependsOn?: string[]) => ({ id, method: 'GET', url, ...(dependsOn ? { dependsOn } : {}) });

describe('Graph emulator $batch', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(seedOf(business(BUSINESS_ID, 30), business(OTHER_BUSINESS_ID, 2)), { retryAfterSeconds: 1 });
  });
  afterAll(() => h.close());
  afterEach(() => {
    h.emulator.update({ latencyMs: 0 });
  });

  const batch = (requests: unknown[]) => h.json<BatchBody>('/$batch', { method: 'POST', body: { requests } });
  const byId = (body: BatchBody) => new Map(body.responses.map((r) => [r.id, r]));

  it('runs items through the same routes, with or without a leading slash', async () => {
    const res = await batch([
      get('1', `${businessPath()}/appointments/${enc(appointment(0).id)}`),
      get('2', `solutions/bookingBusinesses/${enc(BUSINESS_ID)}/appointments/${enc(appointment(1).id)}`),
      get('3', `${businessPath()}/appointments/${enc('AAMkADmissing=')}`),
      get('4', '/solutions/bookingBusinesses'),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.responses.map((r) => r.id)).toEqual(['1', '2', '3', '4']);
    const items = byId(res.body);
    expect(items.get('1')).toMatchObject({ status: 200, body: { id: appointment(0).id } });
    expect(items.get('1')?.headers['Content-Type']).toMatch(/^application\/json/);
    expect(items.get('2')).toMatchObject({ status: 200, body: { id: appointment(1).id } });
    expect(items.get('3')).toMatchObject({ status: 404, body: { error: { code: 'ErrorItemNotFound' } } });
    expect(items.get('4')?.body?.value).toHaveLength(2);
  });

  it('carries writes with bodies and 204s without one', async () => {
    const res = await batch([
      {
        id: 'move',
        method: 'PATCH',
        url: `${businessPath()}/appointments/${enc(appointment(5).id)}`,
        headers: { 'Content-Type': 'application/json' },
        body: { startDateTime: { dateTime: '2026-06-01T09:00:00Z', timeZone: 'UTC' }, endDateTime: { dateTime: '2026-06-01T10:00:00Z', timeZone: 'UTC' } },
      },
    ]);
    expect(res.body.responses[0]).toMatchObject({ id: 'move', status: 204 });
    expect(res.body.responses[0]?.body).toBeUndefined();
  });

  it('rejects more than 20 requests with 400', async () => {
    const res = await h.json<{ error: { code: string; message: string } }>('/$batch', {
      method: 'POST',
      body: { requests: Array.from({ length: 21 }, (_, i) => get(String(i), '/solutions/bookingBusinesses')) },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadRequest');
    expect(res.body.error.message).toContain('at most 20');
  });

  it('rejects duplicate ids, unknown or cyclic dependsOn and a body without Content-Type', async () => {
    const cases: unknown[][] = [
      [get('a', '/solutions/bookingBusinesses'), get('A', '/solutions/bookingBusinesses')],
      [get('a', '/solutions/bookingBusinesses', ['zzz'])],
      [get('a', '/solutions/bookingBusinesses', ['b']), get('b', '/solutions/bookingBusinesses', ['a'])],
      [{ id: 'a', method: 'POST', url: `${businessPath()}/customers`, body: { displayName: 'X' } }],
      [{ id: 'a', url: '/solutions/bookingBusinesses' }],
    ];
    for (const requests of cases) {
      const res = await batch(requests);
      expect(res.status).toBe(400);
    }
  });

  it('answers 429 with Retry-After inside the 200 envelope for items beyond the mailbox limit', async () => {
    h.emulator.update({ latencyMs: 150 });
    const res = await batch(Array.from({ length: 6 }, (_, i) => get(String(i), `${businessPath()}/appointments/${enc(appointment(i).id)}`)));
    expect(res.status).toBe(200);
    const statuses = res.body.responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const throttled = res.body.responses.filter((r) => r.status === 429);
    for (const item of throttled) {
      expect(item.headers['Retry-After']).toBe('1');
      expect(item.body?.error?.code).toBe('TooManyRequests');
    }
    // Another mailbox has its own limit.
    const other = await batch([1, 2, 3, 4].map((i) => get(String(i), `${businessPath(OTHER_BUSINESS_ID)}/services`)));
    expect(other.body.responses.every((r) => r.status === 200)).toBe(true);
  });

  it('dependsOn runs a chain one at a time, so no item is throttled and each sees the one before', async () => {
    h.emulator.update({ latencyMs: 40 });
    const id = enc(appointment(7).id);
    const requests = [
      get('1', `${businessPath()}/appointments/${id}`),
      {
        id: '2',
        method: 'PATCH',
        url: `${businessPath()}/appointments/${id}`,
        headers: { 'content-type': 'application/json' },
        body: { startDateTime: { dateTime: '2026-07-01T09:00:00Z', timeZone: 'UTC' }, endDateTime: { dateTime: '2026-07-01T10:00:00Z', timeZone: 'UTC' } },
        dependsOn: ['1'],
      },
      get('3', `${businessPath()}/appointments/${id}`, ['2']),
      ...[4, 5, 6, 7].map((n) => get(String(n), `${businessPath()}/services`, [String(n - 1)])),
    ];
    const res = await batch(requests);
    const items = byId(res.body);
    expect(res.body.responses.map((r) => r.status)).toEqual([200, 204, 200, 200, 200, 200, 200]);
    expect(items.get('1')?.body?.startDateTime?.dateTime).toBe(appointment(7).startDateTime.dateTime);
    expect(items.get('3')?.body?.startDateTime?.dateTime).toBe('2026-07-01T09:00:00.0000000');
  });

  it('answers 424 for an item whose dependency failed, and for its dependants', async () => {
    const res = await batch([
      get('1', `${businessPath()}/appointments/${enc('AAMkADmissing=')}`),
      get('2', `${businessPath()}/services`, ['1']),
      get('3', `${businessPath()}/services`, ['2']),
      get('4', `${businessPath()}/services`),
    ]);
    expect(res.body.responses.map((r) => [r.id, r.status])).toEqual([
      ['1', 404],
      ['2', 424],
      ['3', 424],
      ['4', 200],
    ]);
    expect(byId(res.body).get('2')?.body?.error?.code).toBe('FailedDependency');
  });

  it('answers 400 inside the envelope for an absolute item url', async () => {
    const res = await batch([get('1', 'https://graph.microsoft.com/v1.0/solutions/bookingBusinesses')]);
    expect(res.status).toBe(200);
    expect(res.body.responses[0]?.status).toBe(400);
  });
});
