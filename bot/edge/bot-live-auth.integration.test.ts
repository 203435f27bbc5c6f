import { parseConfig } from '../../service/config/config';
import { startInvoiceKit, type InvoiceKit } from '../../service/invoicing/run/testing/invoice-kit';
import { describeEachStore } from '../../service/store/testing/test-stores';
import { startFakeBotFramework, type FakeBotFramework } from './testing/fake-bot-framework';
import { HOME_TENANT, startBotHarness, type BotHarness } from './testing/bot-harness';

const APP_ID = '3f2e1d0c-9b8a-4765-8432-10fedcba9876';
const FOREIGN_TENANT = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
/** Live mode only posts to the Bot Framework's hosts; the invokes below are answered in the HTTP response, so nothing is sent there. */
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const RUN_ID = '7d1c5a3e-0000-4000-8000-00000000000b';
const AT = '2026-03-02T09:00:00.000Z';

/** A live deployment's configuration, but for where the Bot Framework's keys are found. */
const configFor = (openIdMetadataUrl: string) =>
  parseConfig(
    {
      APP_ENV: 'live-test',
      GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0',
      BC_API_BASE_URL: 'https://api.businesscentral.dynamics.com/v2.0/production/api/v2.0',
      BOOKINGS_BUSINESS_ID: 'contoso@contoso.onmicrosoft.com',
      AUTH_MODE: 'static',
      STATIC_ACCESS_TOKEN: 'unused',
      BOT_OPENID_METADATA_URL: openIdMetadataUrl,
    },
    '/tmp',
  );

describeEachStore('the bot in live mode: Bot Framework tokens checked against the configured OpenID metadata', (getStore) => {
  let kit: InvoiceKit;
  let keys: FakeBotFramework;
  let bot: BotHarness;

  beforeAll(async () => {
    kit = await startInvoiceKit(getStore().db);
    keys = await startFakeBotFramework();
    const config = configFor(keys.openIdMetadataUrl);
    expect(config.mode).toBe('live');
    bot = await startBotHarness(
      kit,
      kit.db,
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'unused-secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: HOME_TENANT },
      { mode: 'live', openIdMetadataUrl: config.security.botOpenIdMetadataUrl },
    );
  });
  afterAll(async () => {
    await bot?.close();
    await keys?.close();
    await kit?.h.close();
  });

  const conversationIn = (tenantId: string, id: string) => ({
    conversation: { id, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
  });
  /** A run card's refresh: drawn from the store and answered in the HTTP response. */
  const refresh = (id: string, tenantId: string, conversationId: string) =>
    bot.activity({
      type: 'invoke',
      id,
      name: 'adaptiveCard/action',
      serviceUrl: SERVICE_URL,
      value: { action: { type: 'Action.Execute', verb: 'refreshCard', data: { cardKind: 'runResult', runId: RUN_ID } }, trigger: 'automatic' },
      ...conversationIn(tenantId, conversationId),
    });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const stored = async (conversationId: string) => (await kit.db.selectFrom('conversations').select('id').where('id', '=', conversationId).execute()).length;

  it('a signed invoke from the home tenant is answered 200, with its card in the response', async () => {
    const conversationId = 'a:live-home';
    const token = await keys.sign(APP_ID, SERVICE_URL);
    // The first refresh is let in and stores the conversation; the run is not shown there yet, so the answer is the card's 400.
    const first = await bot.post(refresh('h-1', HOME_TENANT, conversationId), bearer(token));
    expect(first).toMatchObject({ status: 400, body: { statusCode: 400, value: { code: 'BadRequest' } } });
    expect(await stored(conversationId)).toBe(1);
    await kit.db
      .insertInto('posted_cards')
      .values({
        id: 'pc-live',
        conversation_id: conversationId,
        kind: 'invoicePreview',
        period_key: 'k-live',
        payload: JSON.stringify({ firstDay: null, lastDay: null, customer: null, label: null }),
        run_id: RUN_ID,
        activity_id: 'act-live',
        created_at: AT,
        updated_at: AT,
      })
      .execute();
    const second = await bot.post(refresh('h-2', HOME_TENANT, conversationId), bearer(token));
    expect(second).toMatchObject({ status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' } });
    expect(keys.requests).toEqual(['/.well-known/openidconfiguration', '/keys']);
    expect(bot.connector.calls).toHaveLength(0);
  });

  it('the same signed invoke from another tenant: 403, nothing stored', async () => {
    const res = await bot.post(refresh('f-1', FOREIGN_TENANT, 'a:live-foreign'), bearer(await keys.sign(APP_ID, SERVICE_URL)));
    expect(res.status).toBe(403);
    expect(await stored('a:live-foreign')).toBe(0);
  });

  it.each([
    ['no token', async () => ({})],
    ['a token signed by a key not in the JWKS', async () => bearer(await keys.sign(APP_ID, SERVICE_URL, {}, { foreignKey: true }))],
    ['a token for another bot', async () => bearer(await keys.sign('0a0b0c0d-0000-4000-8000-000000000000', SERVICE_URL))],
    ['a token from another issuer', async () => bearer(await keys.sign(APP_ID, SERVICE_URL, { iss: 'https://sts.windows.net/attacker/' }))],
    ['a token for another serviceUrl', async () => bearer(await keys.sign(APP_ID, 'https://smba.trafficmanager.net/amer/'))],
  ])('%s: 401, nothing stored', async (_name, headers) => {
    const conversationId = `a:live-${_name.replace(/\W+/g, '-')}`;
    const res = await bot.post(refresh(`u-${conversationId}`, HOME_TENANT, conversationId), await headers());
    expect(res.status).toBe(401);
    expect(await stored(conversationId)).toBe(0);
  });
});
