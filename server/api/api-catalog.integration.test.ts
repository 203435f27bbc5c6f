import { catalogResponseSchema } from '../../contract/api-contract';
import type { Authenticator } from './auth/identity';
import { errorOf, startApiTestServer, type ApiTestServer } from './testing/api-test-server';

/* GET /api/catalog against the Graph emulator: names for the tab, read once per few minutes. */

const readerOnly: Authenticator = { authenticate: async () => ({ id: 'reader-1', name: 'Rita Reader', roles: ['reader'] }) };

let api: ApiTestServer;

beforeAll(async () => {
  api = await startApiTestServer({ authenticator: readerOnly });
});

afterAll(async () => {
  await api?.close();
});

test("a reader gets the business's services and staff members with their names", async () => {
  const seeded = api.harness.data.bookings.businesses[0]!;
  const res = await api.call('GET', '/api/catalog');
  expect(res.status).toBe(200);
  const catalog = catalogResponseSchema.parse(res.body);
  const byId = (entries: { id: string; displayName: string }[]) => entries.map((e) => [e.id, e.displayName]).sort();
  expect(byId(catalog.services)).toEqual(byId(seeded.services.map((s) => ({ id: s.id, displayName: s.displayName }))));
  expect(byId(catalog.staffMembers)).toEqual(byId(seeded.staffMembers.map((s) => ({ id: s.id, displayName: s.displayName }))));
  expect(catalog.staffMembers.length).toBe(2);
  expect(catalog.staffMembers.every((s) => s.displayName !== '')).toBe(true);
});

test('a second load within minutes is answered from memory, without asking Graph', async () => {
  expect((await api.call('GET', '/api/catalog')).status).toBe(200);
  const before = api.harness.graph.stats().requestsServed;
  const again = await api.call('GET', '/api/catalog');
  expect(again.status).toBe(200);
  expect(api.harness.graph.stats().requestsServed).toBe(before);
});

test('the catalog takes no query parameters', async () => {
  const res = await api.call('GET', '/api/catalog?staff=1');
  expect(res.status).toBe(400);
  expect(errorOf(res).code).toBe('invalid_query');
});
