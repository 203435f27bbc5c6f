import { business, BUSINESS_ID, businessPath, seedOf, startHarness, TOKEN, type Harness } from './test-support';

interface ErrorBody {
  error: { code: string; message: string; innerError: { 'request-id': string; date: string; 'client-request-id'?: string } };
}

describe('Graph emulator authentication and errors', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(seedOf(business(BUSINESS_ID, 3)));
  });
  afterAll(() => h.close());

  it('answers 401 InvalidAuthenticationToken without a bearer token, everywhere', async () => {
    const targets: Array<[string, string]> = [
      ['GET', '/solutions/bookingBusinesses'],
      ['GET', `${businessPath()}/appointments`],
      ['POST', '/$batch'],
      ['GET', '/_emulator/settings'],
      ['GET', '/_emulator/stats'],
    ];
    for (const [method, path] of targets) {
      const res = await h.json<ErrorBody>(path, { method, auth: false, ...(method === 'POST' ? { body: { requests: [] } } : {}) });
      expect([path, res.status, res.body.error.code]).toEqual([path, 401, 'InvalidAuthenticationToken']);
    }
  });

  it('answers 401 for a wrong token or scheme', async () => {
    for (const authorization of ['Bearer wrong', `Basic ${TOKEN}`, TOKEN]) {
      const res = await h.json<ErrorBody>('/solutions/bookingBusinesses', { auth: false, headers: { authorization } });
      expect(res.status).toBe(401);
    }
    const ok = await h.call('/solutions/bookingBusinesses', { auth: false, headers: { authorization: `bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
  });

  it('writes Graph error bodies with request ids, echoing client-request-id', async () => {
    const res = await h.json<ErrorBody>(`${businessPath()}/appointments/nope`, { headers: { 'client-request-id': 'abc-123' } });
    expect(res.status).toBe(404);
    expect(res.body.error.innerError).toEqual({
      'request-id': expect.any(String),
      date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
      'client-request-id': 'abc-123',
    });
    expect(res.headers.get('request-id')).toBe(res.body.error.innerError['request-id']);
    expect(res.headers.get('client-request-id')).toBe('abc-123');
  });

  it('answers 404 for an unknown path and 405 for a wrong method', async () => {
    const unknown = await h.json<ErrorBody>('/solutions/bookingBusinesses/x/nothingHere');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NotFound');
    const outside = await h.json<ErrorBody>(`${h.baseUrl.replace(/\/v1\.0$/, '')}/beta/me`);
    expect(outside.status).toBe(404);
    const wrong = await h.json<ErrorBody>(`${businessPath()}/appointments`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.body.error.code).toBe('MethodNotAllowed');
    const batchGet = await h.json<ErrorBody>('/$batch');
    expect(batchGet.status).toBe(405);
  });

  it('answers 400 for invalid JSON bodies', async () => {
    for (const path of [`${businessPath()}/appointments`, `${businessPath()}/customers`, '/$batch']) {
      const res = await h.json<ErrorBody>(path, { method: 'POST', rawBody: '{"displayName": ', headers: { 'content-type': 'application/json' } });
      expect([path, res.status, res.body.error.code, res.body.error.message]).toEqual([path, 400, 'BadRequest', 'Invalid JSON in the request body.']);
    }
  });

  it('answers 400 for an empty body where one is required', async () => {
    const res = await h.json<ErrorBody>(`${businessPath()}/customers`, { method: 'POST' });
    expect(res.status).toBe(400);
  });
});
