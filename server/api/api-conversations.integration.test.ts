import { ConversationStore } from '../../service/conversations';
import { conversationsResponseSchema } from '../../contract/api-contract';
import type { Authenticator, Identity } from './auth/identity';
import { errorOf, startApiTestServer, type ApiTestServer } from './testing/api-test-server';

/* GET /api/conversations: where the app is installed, named for the Setup page's picker. */

const caller: { as: Identity } = { as: { id: 'reader-1', name: 'Rita Reader', roles: ['reader'] } };
const auth: Authenticator = { authenticate: async () => caller.as };

let api: ApiTestServer;
const POSTED_AT = '2026-11-25T06:30:00.000Z';

const conversation = (
  id: string,
  conversationType: string,
  name: string | null,
  teamId: string | null = null,
  channelId: string | null = teamId ? id : null,
) => ({
  id,
  tenantId: 'tenant-1',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversationType,
  reference: JSON.stringify({ conversation: { id } }),
  teamId,
  channelId,
  name,
});

beforeAll(async () => {
  api = await startApiTestServer({ authenticator: auth });
  const store = new ConversationStore(api.store.db, api.services.clock);
  await store.upsert(conversation('a:anna', 'personal', 'Anna Æbelø'));
  await store.upsert(conversation('a:nameless', 'personal', null));
  await store.upsert(conversation('19:chat@thread.v2', 'groupChat', 'Reception'));
  await store.upsert(conversation('19:team@thread.tacv2', 'channel', 'Klinik › General', '19:team@thread.tacv2'));
  await store.upsert(conversation('19:team@thread.tacv2;messageid=7', 'channel', null, '19:team@thread.tacv2', '19:team@thread.tacv2'));
  const posts = new ConversationStore(api.store.db, () => new Date(POSTED_AT));
  await posts.recordPost('a:anna', null);
  await posts.recordPost('19:team@thread.tacv2', 'Error: Bot Framework answered 502');
});

afterAll(async () => {
  await api?.close();
});

test('a reader gets each installed chat and channel with its type, a readable name and its last summary post, without reply threads', async () => {
  const res = await api.call('GET', '/api/conversations');
  expect(res.status).toBe(200);
  const at = POSTED_AT;
  expect(conversationsResponseSchema.parse(res.body).conversations).toEqual([
    { id: 'a:nameless', type: 'personal', name: 'a:nameless', lastPost: null },
    { id: '19:team@thread.tacv2', type: 'channel', name: 'Klinik › General', lastPost: { at, error: 'Error: Bot Framework answered 502' } },
    { id: 'a:anna', type: 'personal', name: 'Personal chat with Anna Æbelø', lastPost: { at, error: null } },
    { id: '19:chat@thread.v2', type: 'groupChat', name: 'Reception', lastPost: null },
  ]);
});

test('a caller without the reader role is refused', async () => {
  caller.as = { id: 'nobody', name: 'No Roles', roles: [] };
  try {
    const res = await api.call('GET', '/api/conversations');
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('forbidden');
  } finally {
    caller.as = { id: 'reader-1', name: 'Rita Reader', roles: ['reader'] };
  }
});
