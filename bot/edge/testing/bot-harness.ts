import type { Kysely } from 'kysely';
import restify from 'restify';
import type { InvoiceKit } from '../../../service/invoicing/run/testing/invoice-kit';
import { People } from '../../../service/identity/people';
import { silentLogger } from '../../../service/logging/logger';
import type { Database } from '../../../service/store';
import type { Tenants } from '../../../service/identity/tenants';
import { BotActions, type BotServices } from '../../actions';
import { ConversationStore } from '../../../service/conversations';
import { AdapterMessenger } from '../adapter-messenger';
import type { BotAuthConfig } from '../bot-auth-config';
import { BookingsBot } from '../bookings-bot';
import { createAdapter } from '../create-adapter';
import { mountBot } from '../mount-bot';
import { startStandInConnector, type StandInConnector } from './stand-in-connector';
import { businessStatus } from '../../../service/app/business-status';
import { markNoShow } from '../../../service/invoicing/no-shows';
import { botStores } from '../../actions/testing/bot-stores';

export const TEST_TAB = { appId: '8a4d6c1e-2f3b-4c5d-9e8f-1a2b3c4d5e6f', webUrl: 'http://localhost:3978/tab/unbilled' };

export interface BotHarness {
  url: string;
  connector: StandInConnector;
  actions: BotActions;
  services: BotServices;
  conversations: ConversationStore;
  messenger: AdapterMessenger;
  /** `headers` add to (or override) content-type: a live-mode test's Authorization. */
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  activity(extra: Record<string, unknown>, user?: { id: string; aadObjectId: string }): Record<string, unknown>;
  close(): Promise<void>;
}

/** The harness's home tenant: its conversations are allowed. */
export const HOME_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const HOME_TENANTS: Tenants = { home: HOME_TENANT, allowed: new Set([HOME_TENANT]), anyInSandbox: false };

export interface BotHarnessOptions {
  tenants?: Tenants;
  mode?: 'sandbox' | 'live';
  /** BOT_OPENID_METADATA_URL: a local stand-in for the Bot Framework's keys (live mode). */
  openIdMetadataUrl?: string;
}

export const USER_A = { id: '29:user-a', aadObjectId: '11111111-1111-1111-1111-111111111111' };
export const USER_B = { id: '29:user-b', aadObjectId: '22222222-2222-2222-2222-222222222222' };

/** The bot on a restify server (port 0) over the invoice kit's emulators, talking to a stand-in connector; its clock is the kit's. */
export async function startBotHarness(
  kit: InvoiceKit,
  db: Kysely<Database> = kit.db,
  auth: BotAuthConfig = {},
  options: BotHarnessOptions = {},
): Promise<BotHarness> {
  const tenants = options.tenants ?? HOME_TENANTS;
  const mode = options.mode ?? 'sandbox';
  const connector = await startStandInConnector();
  const runner = kit.runner({ db });
  const services: BotServices = {
    ...botStores(db, kit.h.clock, { businessId: kit.h.businessId, currentSetup: async () => kit.setup }),
    logger: silentLogger,
    businessId: kit.h.businessId,
    currentSetup: async () => kit.setup,
    invoices: runner,
    sync: { requestSync: async () => 'sync-1', recentRuns: async () => [] },
    staffNames: async () => new Map(),
    companyNames: async () => new Map(),
    businessNames: async () => new Map(),
    appointments: { markNoShow: (request) => markNoShow({ db, clock: kit.h.clock }, { ...request, businessId: kit.h.businessId }) },
    people: new People(db, kit.h.clock),
    tab: TEST_TAB,
    clock: kit.h.clock,
    roles: { homeTenantId: tenants.home, sandboxAnyTenant: tenants.anyInSandbox },
    status: () => businessStatus({ db, businessId: kit.h.businessId, clock: kit.h.clock, currentSetup: async () => kit.setup }),
  };
  const conversations = new ConversationStore(db, kit.h.clock);
  const bot = createAdapter(auth, silentLogger, options.openIdMetadataUrl ? { openIdMetadataUrl: options.openIdMetadataUrl } : {});
  const messenger = new AdapterMessenger(bot.adapter, auth.MicrosoftAppId ?? '', conversations, { tenants, mode });
  const actions = new BotActions(services, messenger, { pollMs: 50, minEditIntervalMs: 0 });
  const server = restify.createServer({ handleUncaughtExceptions: false });
  const turns = { ...bot, bot: new BookingsBot(actions, conversations, silentLogger) };
  mountBot(server, { tenants, mode, logger: silentLogger }, async () => turns);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/api/messages`;
  const conversation = { id: 'a:test-conversation', conversationType: 'personal', tenantId: HOME_TENANT };
  return {
    url,
    connector,
    actions,
    services,
    conversations,
    messenger,
    activity: (extra, user = USER_A) => ({
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      timestamp: kit.h.clock().toISOString(),
      locale: 'en-US',
      from: { id: user.id, name: 'Test User', aadObjectId: user.aadObjectId },
      recipient: { id: '28:bot', name: 'Bookings' },
      conversation,
      channelData: { tenant: { id: HOME_TENANT } },
      ...extra,
    }),
    post: async (activity, headers = {}) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      return { status: res.status, body };
    },
    close: async () => {
      await actions.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.close();
    },
  };
}
