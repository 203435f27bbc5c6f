import type restify from 'restify';
import type { AppServices } from '../service/app/app-services';
import { loadEnv } from '../service/config/env-files';
import { PROJECT_ROOT } from '../service/config/config';
import type { ScheduledTask } from '../service/jobs/scheduler';
import { BotActions, type BotServices, type RunWatchOptions } from './actions';
import { readTenants } from '../service/identity/tenants';
// Only the edge's pieces that do without the Bot Framework SDK: lazyBotStack loads the rest at first use.
import { type BotAuthConfig, BotAuthConfigError, readBotAuthConfig } from './edge/bot-auth-config';
import { readTabLinks } from './edge/bot-settings';
import { lazyBotStack } from './edge/lazy-bot-stack';
import { mountBot } from './edge/mount-bot';
import { announceAutoInvoiceRuns, dailyCardRenderer, dailySummaryTask, overdueCardTask } from './summary';
import type { DailyCardRenderer } from '../service/app/card-preview';
import { businessKey } from '../service/domain/business-key';
import { autoInvoiceTask } from '../service/invoicing/auto/auto-invoice-task';

export interface BotRegistration {
  /** The daily summary, for the process's scheduler. */
  summaryTask: ScheduledTask;
  /** The weekly card of overdue invoices. */
  overdueTask: ScheduledTask;
  /** Automatic invoicing, its result cards posted by the bot. */
  autoInvoiceTask: ScheduledTask;
  /** Resolves when the cards being kept in step with their runs got their final edits. */
  idle(): Promise<void>;
  /** Stops following runs (their cards show the state at the next refresh or click). */
  stop(): Promise<void>;
}

export interface RegisterBotOptions {
  /** Where MicrosoftAppId & co. and TEAMS_APP_ID / TAB_ENDPOINT come from; default: env files + process environment. */
  env?: Record<string, string | undefined>;
  services?: Partial<BotServices>;
  watch?: RunWatchOptions;
  summaryCheckMs?: number;
}

/** Automatic invoicing is the service's; the bot only adds its result cards. */
function autoInvoicing(app: AppServices, announce?: Parameters<typeof autoInvoiceTask>[0]['announce']): ScheduledTask {
  return autoInvoiceTask({ autoInvoice: app.autoInvoice, businessId: app.businessId, logger: app.logger, ...(announce === undefined ? {} : { announce }) });
}

/** Without its Bot Framework identity (live mode) the bot refuses every request; the tab keeps working. */
function registerDisabledBot(server: restify.Server, app: AppServices, problem: string): BotRegistration {
  app.logger.error({ problem }, 'the bot is disabled');
  server.post('/api/messages', async (_req: restify.Request, res: restify.Response) => {
    res.send(401, { error: { code: 'unauthorized', message: 'Bot Framework authentication is not configured' } });
  });
  const leaseName = `schedule:daily-summary:${businessKey(app.businessId)}`;
  return {
    summaryTask: { name: 'daily-summary:disabled', leaseName, intervalMs: () => 3_600_000, run: async () => undefined },
    overdueTask: {
      name: 'overdue-card:disabled',
      leaseName: `schedule:overdue-card:${businessKey(app.businessId)}`,
      intervalMs: () => 3_600_000,
      run: async () => undefined,
    },
    autoInvoiceTask: autoInvoicing(app),
    idle: async () => undefined,
    stop: async () => undefined,
  };
}

/** The bot's daily summary card for the façade's `cardPreview` (the Setup page), with the deep links the bot's posts carry. */
export function dailyCardPreview(port: number, env: Record<string, string | undefined> = loadEnv(process.env, PROJECT_ROOT)): DailyCardRenderer {
  return dailyCardRenderer(readTabLinks(env, port));
}

/** Adds POST /api/messages (the Teams bot) to the server and returns the daily summary task. */
export function registerBot(server: restify.Server, app: AppServices, options: RegisterBotOptions = {}): BotRegistration {
  const env = options.env ?? loadEnv(process.env, PROJECT_ROOT);
  let auth: BotAuthConfig;
  try {
    auth = readBotAuthConfig(env, app.config.mode);
  } catch (err) {
    if (err instanceof BotAuthConfigError) return registerDisabledBot(server, app, err.message);
    throw err;
  }
  const tenants = readTenants(env, app.config.mode);
  const services: BotServices = {
    postedCards: app.postedCards,
    roleGrants: app.appRoleGrants(),
    unbilled: app.unbilled,
    logger: app.logger.child({ component: 'bot' }),
    businessId: app.businessId,
    currentSetup: () => app.currentSetup(),
    invoices: app.invoices,
    sync: app.sync,
    staffNames: () => app.catalog.staffNames(),
    companyNames: async () => new Map((await app.companies()).companies.map((c) => [c.id, c.displayName || c.name || ''])),
    businessNames: async () => new Map((await app.bookingsBusinesses()).businesses.map((b) => [b.id, b.displayName])),
    tab: readTabLinks(env, app.config.port),
    clock: app.clock,
    people: app.people,
    status: () => app.status(),
    appointments: app.appointments,
    roles: { homeTenantId: tenants.home, bootstrapAdminOid: app.config.security.bootstrapAdminOid, sandboxAnyTenant: tenants.anyInSandbox },
    ...options.services,
  };
  const { mode } = app.config;
  const { conversations } = app;
  const stack = lazyBotStack(
    { auth, urls: { openIdMetadataUrl: app.config.security.botOpenIdMetadataUrl }, tenants, mode, logger: services.logger, conversations },
    () => actions,
  );
  const { messenger } = stack;
  const actions = new BotActions(services, messenger, options.watch);
  mountBot(server, { tenants, mode, logger: services.logger }, stack.turns);
  return {
    summaryTask: dailySummaryTask({ services, messenger, conversations }, options.summaryCheckMs),
    overdueTask: overdueCardTask({ services, messenger, conversations, payments: app.payments }, options.summaryCheckMs),
    autoInvoiceTask: autoInvoicing(app, (asHolder) =>
      announceAutoInvoiceRuns({ services, messenger, conversations, autoInvoice: app.autoInvoice, asHolder }).then(() => undefined),
    ),
    idle: () => actions.idle(),
    stop: () => actions.stop(),
  };
}
