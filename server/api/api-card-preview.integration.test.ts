import { cardPreviewResponseSchema, catalogResponseSchema, startedSyncSchema, syncRunSchema, unbilledResponseSchema } from '../../contract/api-contract';
import { describeEachStore } from '../../service/store/testing/test-stores';
import { until } from '../../service/testing/until';
import { ApiError } from './api-error';
import type { Authenticator, Identity } from './auth/identity';
import { errorOf, startApiTestServer, type ApiTestServer } from './testing/api-test-server';

/*
 * GET /api/setup/card-preview: the bot's daily summary card drawn on the server for the Setup page,
 * under the one auth and role rule, with staff and customers by name.
 */

const READER: Identity = { id: 'reader-1', name: 'Rita Reader', roles: ['reader'] };
const auth: Authenticator & { as: Identity | null } = {
  as: READER,
  authenticate: async () => {
    if (auth.as === null) throw new ApiError('unauthenticated', 'Sign in to use the app');
    return auth.as;
  },
};
// DEFAULT_TEST_NOW is 2026-11-25 10:00 UTC: the card covers the 24th.
const YESTERDAY = '2026-11-24';
const PREVIEW = '/api/setup/card-preview?timeZone=Europe/Copenhagen&language=en';

describeEachStore('the card preview', (_getStore, suite) => {
  let api: ApiTestServer;

  beforeAll(async () => {
    api = await startApiTestServer({ authenticator: auth, store: await suite.freshConfig() });
    auth.as = { id: 'admin-1', name: 'Anna Admin', roles: ['admin', 'invoicer', 'reader'] };
    const { syncRunId } = startedSyncSchema.parse((await api.call('POST', '/api/sync')).body);
    await until(async () => syncRunSchema.parse((await api.call('GET', `/api/sync/${syncRunId}`)).body).state === 'succeeded', 'the sync succeeds');
  });

  afterAll(async () => {
    await api?.close();
  });

  beforeEach(() => {
    auth.as = READER;
  });

  test("a reader gets the bot's card for yesterday, naming the first appointment's customer and staff member, never their ids", async () => {
    const res = await api.call('GET', PREVIEW);
    expect(res.status).toBe(200);
    const card = cardPreviewResponseSchema.parse(res.body);
    expect(card.type).toBe('AdaptiveCard');
    const text = JSON.stringify(card);

    const rows = unbilledResponseSchema.parse((await api.call('GET', `/api/unbilled?from=${YESTERDAY}&to=${YESTERDAY}&state=unbilled`)).body).rows;
    const first = rows[0]!;
    const staff = catalogResponseSchema.parse((await api.call('GET', '/api/catalog')).body).staffMembers;
    const staffName = staff.find((s) => first.staffMemberIds.includes(s.id))!.displayName;
    expect(text).toContain(first.customers[0]!.name);
    expect(text).toContain(staffName);
    for (const id of first.staffMemberIds) expect(text).not.toContain(id);
    expect(text).toContain('Nov 24, 2026');
  });

  test("the card is in the reader's language", async () => {
    const res = await api.call('GET', '/api/setup/card-preview?timeZone=Europe/Copenhagen&language=da');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('i går');
  });

  test('a time zone or a language it does not know is 400 in words', async () => {
    const zone = await api.call('GET', '/api/setup/card-preview?timeZone=Mars/Olympus&language=en');
    expect(zone.status).toBe(400);
    expect(errorOf(zone)).toMatchObject({ code: 'invalid_query', fields: { timeZone: 'Not a time zone: use an IANA name such as Europe/Copenhagen' } });
    const language = await api.call('GET', '/api/setup/card-preview?timeZone=Europe/Copenhagen&language=fr');
    expect(language.status).toBe(400);
    expect(errorOf(language)).toMatchObject({ code: 'invalid_query', fields: { language: 'Use en or da' } });
  });

  test('without a sign-in it is 401, without a role 403', async () => {
    auth.as = null;
    const anonymous = await api.call('GET', PREVIEW);
    expect(anonymous.status).toBe(401);
    expect(errorOf(anonymous).code).toBe('unauthenticated');
    auth.as = { id: 'nobody-1', name: 'Nora Nobody', roles: [] };
    const roleless = await api.call('GET', PREVIEW);
    expect(roleless.status).toBe(403);
    expect(errorOf(roleless).message).toBe('This needs the reader role; ask an admin to add you in the setup');
  });
});
