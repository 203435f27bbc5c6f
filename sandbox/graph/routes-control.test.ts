import { business, BUSINESS_ID, businessPath, seedOf, startHarness, type Harness } from './test-support';
import { DEFAULT_SETTINGS, InvalidSettingsError } from './settings';
import { createGraphEmulator } from './emulator';

interface ErrorBody {
  error: { code: string; message: string };
}

describe('Graph emulator control endpoints', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(seedOf(business(BUSINESS_ID, 12)));
  });
  afterAll(() => h.close());

  it('GET /_emulator/settings returns the settings in force, defaults included', async () => {
    const res = await h.json('/_emulator/settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...DEFAULT_SETTINGS, token: 'test-token' });
  });

  it('PATCH /_emulator/settings applies a partial update that routes then follow', async () => {
    const res = await h.json('/_emulator/settings', { method: 'PATCH', body: { pageSize: 5 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ pageSize: 5, maxConcurrentPerMailbox: 4 });
    expect(h.emulator.settings.pageSize).toBe(5);
    const list = await h.json<{ value: unknown[] }>(`${businessPath()}/appointments`);
    expect(list.body.value).toHaveLength(5);
  });

  it('PATCH /_emulator/settings rejects bad values and unknown fields with 400, changing nothing', async () => {
    for (const body of [{ faultRate: 2 }, { pageSize: 0 }, { faultKinds: ['418'] }, { latencyMs: -1 }, { speed: 3 }, { token: '' }]) {
      const res = await h.json<ErrorBody>('/_emulator/settings', { method: 'PATCH', body });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(Object.keys(body)[0]!);
    }
    const invalidJson = await h.json<ErrorBody>('/_emulator/settings', { method: 'PATCH', rawBody: 'nope' });
    expect(invalidJson.status).toBe(400);
    expect(h.emulator.settings.pageSize).toBe(5);
    expect(h.emulator.settings.faultRate).toBe(0);
  });

  it('GET /_emulator/stats reports the same as stats()', async () => {
    await h.call(`${businessPath()}/appointments`);
    const res = await h.json<{ requestsServed: number; maxConcurrencyByMailbox: Record<string, number> }>('/_emulator/stats');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(h.emulator.stats());
    expect(res.body.requestsServed).toBeGreaterThanOrEqual(2);
    expect(res.body.maxConcurrencyByMailbox[BUSINESS_ID]).toBe(1);
  });

  it('a token change applies at once', async () => {
    await h.json('/_emulator/settings', { method: 'PATCH', body: { token: 'rotated' } });
    expect((await h.call('/solutions/bookingBusinesses')).status).toBe(401);
    h.emulator.update({ token: 'test-token' });
    expect((await h.call('/solutions/bookingBusinesses')).status).toBe(200);
  });

  it('validates settings in process too', () => {
    expect(() => h.emulator.update({ faultRate: -0.5 })).toThrow(InvalidSettingsError);
    expect(() => createGraphEmulator(seedOf(), {})).toThrow(/token/);
  });
});
