import { setupTablesResponseSchema } from '../../contract/api-contract';
import type { Authenticator } from './auth/identity';
import { errorOf, startApiTestServer, type ApiTestServer } from './testing/api-test-server';

/* GET /api/business-central/setup-tables against the Business Central emulator: the template pickers' lists. */

const as = (roles: ('admin' | 'reader')[]): Authenticator => ({ authenticate: async () => ({ id: 'user-1', name: 'Ada Admin', roles }) });
const PATH = '/api/business-central/setup-tables';

let api: ApiTestServer;
let readerApi: ApiTestServer;

beforeAll(async () => {
  [api, readerApi] = await Promise.all([startApiTestServer({ authenticator: as(['admin', 'reader']) }), startApiTestServer({ authenticator: as(['reader']) })]);
});

afterAll(async () => {
  await Promise.all([api?.close(), readerApi?.close()]);
});

test("an admin gets the configured company's tables by name, as the contract describes them", async () => {
  const res = await api.call('GET', PATH);
  expect(res.status).toBe(200);
  const body = setupTablesResponseSchema.parse(res.body);
  expect(body.localCurrency).toBe('DKK');
  expect(body.tables.paymentTerms.find((t) => t.code === '14 DAGE')).toMatchObject({
    displayName: 'Netto 14 dage',
    id: expect.stringMatching(/^[0-9a-f-]{36}$/),
  });
  expect(body.tables.paymentTerms.map((t) => t.code).slice(0, 3)).toEqual(['8 DAGE', '14 DAGE', '30 DAGE']);
  expect(body.tables.taxGroups.map((g) => g.code)).toEqual(['MOMS25', 'MOMSFRI']);
  expect(body.tables.generalProductPostingGroups.map((g) => `${g.code}: ${g.displayName}`)).toEqual([
    'DETAIL: Detailsalg af varer',
    'YDELSER: Behandlinger og ydelser',
  ]);
  expect(body.tables.currencies.map((c) => c.code)).not.toContain('DKK');
  expect(Object.keys(body.tables).sort()).toEqual(
    [
      'currencies',
      'generalProductPostingGroups',
      'itemCategories',
      'paymentMethods',
      'paymentTerms',
      'shipmentMethods',
      'taxAreas',
      'taxGroups',
      'unitsOfMeasure',
    ].sort(),
  );
});

test('names the company in the query, refuses a company id that is not a GUID, and says plainly when the company is unknown', async () => {
  const named = await api.call('GET', `${PATH}?companyId=${api.harness.companyId}`);
  expect(named.status).toBe(200);
  const bad = await api.call('GET', `${PATH}?companyId=CRONUS`);
  expect(bad.status).toBe(400);
  expect(errorOf(bad).code).toBe('invalid_query');
  const unknown = await api.call('GET', `${PATH}?companyId=00000000-0000-0000-0000-00000000abcd`);
  expect(unknown.status).toBe(500);
  expect(errorOf(unknown).message).toMatch(/^Business Central said 404/);
});

test('is for admins only', async () => {
  const res = await readerApi.call('GET', PATH);
  expect(res.status).toBe(403);
  expect(errorOf(res).code).toBe('forbidden');
});
