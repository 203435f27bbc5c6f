import { MAX_BODY_BYTES, setupPatchResponseSchema, setupResponseSchema } from '../../contract/api-contract';
import { errorOf, startApiTestServer, type ApiTestServer } from './testing/api-test-server';

/* Bad input of every kind is a 4xx with a clear JSON error, never a stack trace. */

let api: ApiTestServer;

beforeAll(async () => {
  api = await startApiTestServer();
});

afterAll(async () => {
  await api?.close();
});

const noStack = (text: string) => expect(text).not.toMatch(/\bat .+\(.+:\d+:\d+\)|node_modules|\.ts:\d+/);

test('malformed JSON is 400 invalid_body', async () => {
  const res = await api.call('POST', '/api/invoice-runs', { raw: '{"selection": {"kind": "ids",' });
  expect(res.status).toBe(400);
  expect(errorOf(res)).toMatchObject({ code: 'invalid_body', message: expect.stringMatching(/not valid JSON/) });
  noStack(res.text);
});

test('a body that is not sent as JSON is 415, before anything reads it', async () => {
  const res = await api.call('POST', '/api/invoice-runs', { raw: 'selection=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect(res.status).toBe(415);
  expect(errorOf(res).message).toMatch(/Content-Type: application\/json/);
});

test('an unknown field is 400 invalid_body naming the field', async () => {
  const res = await api.call('POST', '/api/invoice-runs', { json: { selection: { kind: 'ids', appointmentIds: ['a'] }, dryRun: true } });
  expect(res.status).toBe(400);
  expect(errorOf(res)).toMatchObject({ code: 'invalid_body', fields: { dryRun: 'Unknown field: remove it' } });

  const nested = await api.call('POST', '/api/invoice-runs/preview', { json: { selection: { kind: 'ids', appointmentIds: ['a'], all: true } } });
  expect(nested.status).toBe(400);
  expect(errorOf(nested).fields).toHaveProperty(['selection.all']);
});

test('a wrong type is 400 with the field', async () => {
  const res = await api.call('POST', '/api/invoice-runs', { json: { selection: { kind: 'ids', appointmentIds: 'abc' } } });
  expect(res.status).toBe(400);
  expect(errorOf(res).fields).toEqual({ 'selection.appointmentIds': 'Use a list of appointment ids' });

  const price = await api.call('PUT', '/api/appointments/x/price', { json: { price: { minor: '12', currency: 'DKK' } } });
  expect(price.status).toBe(400);
  expect(Object.keys(errorOf(price).fields ?? {})).toEqual(['price.minor']);
});

test('a missing body where one is needed is 400', async () => {
  const res = await api.call('POST', '/api/invoice-runs');
  expect(res.status).toBe(400);
  expect(errorOf(res).fields).toHaveProperty(['selection']);
});

test('a body over the limit is 413 too_large', async () => {
  const ids = Array.from({ length: 4000 }, (_, i) => `appointment-${i}-${'x'.repeat(10)}`);
  const raw = JSON.stringify({ selection: { kind: 'ids', appointmentIds: ids } });
  expect(raw.length).toBeGreaterThan(MAX_BODY_BYTES);
  const res = await api.call('POST', '/api/invoice-runs', { raw });
  expect(res.status).toBe(413);
  expect(errorOf(res).code).toBe('too_large');
});

test('a bad query string is 400 invalid_query; so are unknown and repeated parameters', async () => {
  const cases: Array<[string, string]> = [
    ['/api/unbilled?limit=abc', 'limit'],
    ['/api/unbilled?limit=501', 'limit'],
    ['/api/unbilled?sort=colour', 'sort'],
    ['/api/unbilled?from=yesterday', 'from'],
    ['/api/unbilled?from=2026-11-10&to=2026-11-01', 'to'],
    ['/api/unbilled?page=2', 'page'],
    ['/api/unbilled?state=all&state=unbilled', 'state'],
    ['/api/setup?x=1', 'x'],
    ['/api/audit?action=DROP%20TABLE', 'action'],
  ];
  for (const [url, field] of cases) {
    const res = await api.call('GET', url);
    expect([url, res.status]).toEqual([url, 400]);
    expect(errorOf(res).code).toBe('invalid_query');
    expect(errorOf(res).fields).toHaveProperty([field]);
  }
});

test('unknown ids are 404 not_found', async () => {
  const cases: Array<[string, string, unknown?]> = [
    ['GET', '/api/invoice-runs/00000000-0000-4000-8000-000000000000'],
    ['POST', '/api/invoice-runs/00000000-0000-4000-8000-000000000000/retry'],
    ['POST', '/api/appointments/AAMkADunknown%2B%3D/exclude', {}],
    ['POST', '/api/appointments/AAMkADunknown/include'],
    ['PUT', '/api/appointments/AAMkADunknown/price', { price: null }],
    ['GET', '/api/sync/00000000-0000-4000-8000-000000000000'],
  ];
  for (const [method, url, json] of cases) {
    const res = await api.call(method, url, json === undefined ? {} : { json });
    expect([method, url, res.status]).toEqual([method, url, 404]);
    expect(errorOf(res).code).toBe('not_found');
  }
});

test('an unknown endpoint under /api/ is a JSON 404, whatever the method', async () => {
  for (const method of ['GET', 'POST', 'DELETE', 'PATCH']) {
    const res = await api.call(method, '/api/nothing-here');
    expect([method, res.status]).toEqual([method, 404]);
    expect(errorOf(res).code).toBe('not_found');
  }
  const wrongMethod = await api.call('DELETE', '/api/setup');
  expect(wrongMethod.status).toBe(404);
  expect(errorOf(wrongMethod).code).toBe('not_found');
});

test('GET then PATCH /api/setup: a change, field errors, and 409 on a stale version', async () => {
  const read = await api.call('GET', '/api/setup');
  expect(read.status).toBe(200);
  const stored = setupResponseSchema.parse(read.body);
  expect(stored.version).toBe(0);

  const changed = await api.call('PATCH', '/api/setup', { json: { patch: { syncIntervalMinutes: 30, dailySummary: { time: '06:45' } }, version: 0 } });
  expect(changed.status).toBe(200);
  const saved = setupPatchResponseSchema.parse(changed.body);
  expect(saved).toMatchObject({ version: 1, updatedBy: 'dev-user', changed: expect.arrayContaining(['syncIntervalMinutes', 'dailySummary.time']) });
  expect(saved.setup.syncIntervalMinutes).toBe(30);

  const invalid = await api.call('PATCH', '/api/setup', {
    json: { patch: { syncIntervalMinutes: 2, dailySummary: { time: '25:00' }, colour: 'red' }, version: 1 },
  });
  expect(invalid.status).toBe(400);
  expect(errorOf(invalid)).toMatchObject({
    code: 'invalid_body',
    fields: { syncIntervalMinutes: expect.any(String), 'dailySummary.time': 'Use a 24-hour time such as 07:30', colour: expect.any(String) },
  });

  const stale = await api.call('PATCH', '/api/setup', { json: { patch: { syncIntervalMinutes: 60 }, version: 0 } });
  expect(stale.status).toBe(409);
  expect(errorOf(stale)).toMatchObject({ code: 'conflict', currentVersion: 1 });
  expect(setupResponseSchema.parse((await api.call('GET', '/api/setup')).body).setup.syncIntervalMinutes).toBe(30);

  const badBody = await api.call('PATCH', '/api/setup', { json: { patch: { syncIntervalMinutes: 60 } } });
  expect(badBody.status).toBe(400);
  expect(errorOf(badBody).fields).toHaveProperty(['version']);
});

test('the pickers and "Test connection" read both emulators', async () => {
  const businesses = await api.call('GET', '/api/bookings/businesses');
  expect(businesses.status).toBe(200);
  expect(businesses.body).toMatchObject({ businesses: expect.arrayContaining([expect.objectContaining({ id: api.harness.businessId })]) });

  const companies = await api.call('GET', '/api/business-central/companies');
  expect(companies.status).toBe(200);
  expect(companies.body).toMatchObject({ companies: expect.arrayContaining([expect.objectContaining({ id: api.harness.companyId })]) });

  const tested = await api.call('POST', '/api/connections/test');
  expect(tested.status).toBe(200);
  expect(tested.body).toMatchObject({ bookings: { ok: true }, businessCentral: { ok: true } });

  const other = await api.call('POST', '/api/connections/test', { json: { companyId: '11111111-2222-4333-8444-555555555555' } });
  expect(other.status).toBe(200);
  expect(other.body).toMatchObject({ businessCentral: { ok: false, problems: [expect.stringMatching(/not found/)] } });

  const bad = await api.call('POST', '/api/connections/test', { json: { companyId: 'contoso' } });
  expect(bad.status).toBe(400);
});

test('without a tab build, / and /tab/ pages say how to build it', async () => {
  for (const url of ['/', '/tab/unbilled']) {
    const res = await api.call('GET', url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('npm run build:tab');
  }
  expect((await api.call('GET', '/nothing.js')).status).toBe(404);
});

test('the health endpoint still answers beside the API', async () => {
  const res = await api.call('GET', '/api/health');
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ status: 'ok', mode: 'sandbox' });
});
