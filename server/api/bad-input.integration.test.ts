import { describeEachStore } from '../../service/store/testing/test-stores';
import { errorOf, startApiTestServer, type ApiTestServer } from './testing/api-test-server';

/*
 * Input no handler should ever see: control characters (PostgreSQL cannot store NUL, and failed with
 * 500), periods no calendar can place, bodies far over the limit. Each is a 400 or 413 with a
 * message in words, on both stores, and changes nothing.
 */

describeEachStore('the tab API refuses bad input with 4xx', (_getStore, suite) => {
  let api: ApiTestServer;

  beforeAll(async () => {
    api = await startApiTestServer({ store: await suite.freshConfig() });
  });
  afterAll(async () => {
    await api?.close();
  });

  const runCount = async () =>
    (
      await api.store.db
        .selectFrom('invoice_runs')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  test.each([
    ['GET', '/api/invoice-runs/%00'],
    ['GET', '/api/invoice-runs/run%00x'],
    ['GET', '/api/sync/%01'],
    ['POST', '/api/invoice-runs/%00/retry'],
    ['POST', '/api/appointments/%00/exclude'],
    ['POST', '/api/appointments/a%1Bb/include'],
    ['PUT', '/api/appointments/%00/price'],
  ])('a control character in a path id: %s %s is 400 invalid_path', async (method, url) => {
    const res = await api.call(method, url, method === 'GET' ? {} : { json: method === 'PUT' ? { price: null } : {} });
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'invalid_path', message: expect.stringMatching(/control characters/) });
  });

  test.each([
    '/api/unbilled?customer=%00',
    '/api/unbilled?search=a%00b',
    '/api/unbilled?serviceId=%00',
    '/api/unbilled?staffMemberId=x%07',
    '/api/unbilled?from=2026-11-01%00',
    '/api/invoice-runs?source=%00',
    '/api/audit?action=invoice.run%00',
    '/api/sync?limit=1%00',
    '/api/unbilled?%00=1',
  ])('a control character in a query field: GET %s is 400 invalid_query', async (url) => {
    const res = await api.call('GET', url);
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'invalid_query', message: expect.stringMatching(/control characters/) });
  });

  test('a NUL in a run selection is 400, and no run is recorded', async () => {
    const before = await runCount();
    for (const selection of [
      { kind: 'ids', appointmentIds: ['\u0000'] },
      { kind: 'ids', appointmentIds: ['ok', 'a\u0000b'] },
      { kind: 'filter', customer: 'x\u0000' },
      { kind: 'filter', search: '\u0000' },
    ]) {
      for (const url of ['/api/invoice-runs', '/api/invoice-runs/preview']) {
        const res = await api.call('POST', url, { json: { selection } });
        expect([url, res.status]).toEqual([url, 400]);
        expect(errorOf(res).message).toMatch(/control characters/);
      }
    }
    expect(await runCount()).toBe(before);
  });

  test('a NUL in a setup text field or key is 400, and the setup is unchanged', async () => {
    const before = await api.call('GET', '/api/setup');
    for (const patch of [{ itemTemplate: { unitOfMeasureCode: 'H\u0000' } }, { dailySummary: { conversationIds: ['19:a\u0000'] } }, { 'x\u0000': 1 }]) {
      const res = await api.call('PATCH', '/api/setup', { json: { patch, version: 0 } });
      expect(res.status).toBe(400);
      expect(errorOf(res).message).toMatch(/control characters/);
    }
    expect((await api.call('GET', '/api/setup')).body).toEqual(before.body);
  });

  test('a reason may hold line breaks, but not other control characters', async () => {
    const res = await api.call('POST', '/api/appointments/no-such-appointment/exclude', { json: { reason: 'a\u0000' } });
    expect(res.status).toBe(400);
    expect(errorOf(res).fields).toEqual({ reason: expect.stringMatching(/control characters/) });
    const lines = await api.call('POST', '/api/appointments/no-such-appointment/exclude', { json: { reason: 'one\ntwo' } });
    expect(lines.status).toBe(404);
  });

  test.each([
    ['/api/unbilled?from=0001-01-01&to=9999-12-31', 'from', /from 2000 to 2100/],
    ['/api/unbilled?from=2026-01-01&to=9999-12-31', 'to', /from 2000 to 2100/],
    ['/api/unbilled?from=2001-01-01&to=2026-01-01', 'to', /at most 10 years/],
    ['/api/unbilled?after=not-a-cursor', 'after', /after of an earlier answer/],
  ])('a period out of bounds is 400 with words: GET %s', async (url, field, words) => {
    const res = await api.call('GET', url);
    expect(res.status).toBe(400);
    expect(errorOf(res).fields?.[field]).toMatch(words);
  });

  // A cursor is base64url of JSON (list-cursor.ts): one that names the request's sort, direction and
  // state but holds fewer or more keys than that order has (start, then the id) was answered 500.
  test.each([[['2026-11-01T09:00:00.000Z']], [['2026-11-01T09:00:00.000Z', 'a', 'b']]])('a cursor of %j is 400 with words, not 500', async (keys) => {
    const after = Buffer.from(JSON.stringify({ s: 'start', d: 'asc', f: 'invoiceable', k: keys })).toString('base64url');
    const res = await api.call('GET', `/api/unbilled?sort=start&direction=asc&state=invoiceable&after=${after}`);
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({
      code: 'invalid_query',
      message: 'Invalid query string: after: Use the after of an earlier answer with the same sort, direction and state',
      fields: { after: 'Use the after of an earlier answer with the same sort, direction and state' },
    });
  });

  test('a run over a period out of bounds is 400, and no run is recorded', async () => {
    const before = await runCount();
    const res = await api.call('POST', '/api/invoice-runs', { json: { selection: { kind: 'filter', from: '0001-01-01', to: '9999-12-31' } } });
    expect(res.status).toBe(400);
    expect(errorOf(res).fields).toMatchObject({ 'selection.from': expect.stringMatching(/from 2000 to 2100/) });
    const long = await api.call('POST', '/api/invoice-runs/preview', { json: { selection: { kind: 'filter', from: '2010-01-01', to: '2020-01-01' } } });
    expect(long.status).toBe(400);
    expect(errorOf(long).fields).toMatchObject({ 'selection.to': expect.stringMatching(/at most 10 years/) });
    expect(await runCount()).toBe(before);
  });

  test('a 10 MB body is answered 413, not a cut connection', async () => {
    const raw = JSON.stringify({ selection: { kind: 'ids', appointmentIds: ['x'.repeat(10 * 1024 * 1024)] } });
    const res = await api.call('POST', '/api/invoice-runs', { raw });
    expect(res.status).toBe(413);
    expect(errorOf(res)).toMatchObject({ code: 'too_large', message: expect.stringMatching(/larger than 64 KB/) });
  });
});
