import { CatalogCache } from '../catalog/catalog-cache';
import { storedNames, type StoredNames } from '../catalog/stored-names';
import { createClients, type Clients } from '../clients/create-clients';
import type { Config } from '../config/config';
import { clockFrom, systemClock, type Clock } from '../domain/clock';
import { realTimers } from '../jobs/timers';
import { HistoryService } from '../history/history-service';
import { People } from '../identity/people';
import { AutoInvoicer } from '../invoicing/auto/auto-invoicer';
import { InvoiceRunner } from '../invoicing/run/invoice-runner';
import type { InvoiceLinks } from '../invoicing/run/invoice-links';
import { createSyncRunner } from '../jobs/compose-sync';
import type { SyncRunner } from '../jobs/sync-job';
import { createLinking, type Linking } from '../links';
import type { Logger } from '../logging/logger';
import { PaymentsService } from '../payments/payments-service';
import type { Setup } from '../setup/setup-schema';
import { SetupService, type StoredSetup } from '../setup/setup-service';
import { SetupTablesCache } from '../setup-tables';
import { openStore, type AppStore } from '../store';
import type { BusinessCentralClient } from '../clients/business-central/business-central-client';
import type { BookingsClient } from '../clients/graph/bookings-client';
import { checkConnections, type ConnectionCheck } from '../connections';
import { AppRoleGrantStore } from '../identity/app-role-grants';
import {
  excludeAppointment,
  includeAppointment,
  setEnteredPrice,
  type AppointmentActionResult,
  type EnteredPriceRequest,
  type ExcludeRequest,
  type IncludeRequest,
} from '../invoicing/exclusions';
import { markNoShow, undoNoShow, type NoShowRequest, type NoShowResult } from '../invoicing/no-shows';
import { resolveCompanyId } from '../setup/company';
import { businessStatus, type BusinessStatus } from './business-status';
import { ConversationStore, PostedCards } from '../conversations';
import { cardPreview, type CardJson, type CardPreviewRequest, type DailyCardRenderer } from './card-preview';
import { allUnbilled, ListTotalsCache, queryUnbilled, type UnbilledRequestInput, type UnbilledResponse, type UnbilledRow } from '../unbilled';

type ForBusiness<T> = Omit<T, 'businessId'>;
import { businessKey } from '../domain/business-key';

/**
 * The product's use cases wired for one process: every face (HTTP API, bot, CLI, scheduler) uses
 * these and nothing else, so they cannot drift apart.
 */
export interface AppServices {
  config: Config;
  /** The one clock of the process: every use case reads `now` from it. */
  clock: Clock;
  logger: Logger;
  /** BOOKINGS_BUSINESS_ID as Graph spells it: the connection this process serves. */
  businessId: string;
  setupService: SetupService;
  /** The stored setup record, with the configured company (BC_COMPANY_ID) when the setup names none. */
  storedSetup(): Promise<StoredSetup>;
  /** The setup of `storedSetup()`. */
  currentSetup(): Promise<Setup>;
  sync: SyncRunner;
  invoices: InvoiceRunner;
  links: InvoiceLinks;
  /** The setup's Bookings business: its services and staff members with their names, cached for a few minutes. */
  catalog: CatalogCache;
  /** Linking by hand what blocks an invoice: a service to an item, a customer to a customer (Business Central). */
  linking: Linking;
  /** A Business Central company's payment terms, units, tax groups, currencies, ... for the setup's pickers; cached a short while per company. */
  setupTables: SetupTablesCache;
  /** Invoice runs, their invoices and the audit log of the business, paged or whole for exports. */
  history: HistoryService;
  /** The display names of people who acted, remembered by each face when they act. */
  people: People;
  /** Entra app roles seen on verified tab tokens, for the one role rule on every face; expiry read on `clock` (default the process's). */
  appRoleGrants(clock?: Clock): AppRoleGrantStore;
  /** The Unbilled list of the business: a page, or every page (exports). */
  unbilled: {
    list(request: ForBusiness<UnbilledRequestInput>): Promise<UnbilledResponse>;
    all(request: ForBusiness<Omit<UnbilledRequestInput, 'offset' | 'limit'>>): AsyncGenerator<UnbilledRow[]>;
  };
  /** Marking an appointment as invoiced without an invoice, undoing it, typing its price, marking it a no-show; each audited. */
  appointments: {
    exclude(request: ForBusiness<ExcludeRequest>): Promise<AppointmentActionResult>;
    include(request: ForBusiness<IncludeRequest>): Promise<AppointmentActionResult>;
    setPrice(request: ForBusiness<EnteredPriceRequest>): Promise<AppointmentActionResult>;
    /** Marks an ended appointment as a no-show; idempotent, audited. */
    markNoShow(request: ForBusiness<NoShowRequest>): Promise<NoShowResult>;
    /** Undoes a no-show while no run has claimed or invoiced it; idempotent, audited. */
    undoNoShow(request: ForBusiness<NoShowRequest>): Promise<NoShowResult>;
  };
  /** The Business Central company the app writes to, by the one rule (`resolveCompanyId`); null when several exist and none is chosen. */
  companyId(): Promise<string | null>;
  /** The Business Central companies and the Bookings businesses the app may use, for the setup's pickers. */
  companies(): ReturnType<BusinessCentralClient['listCompanies']>;
  bookingsBusinesses(): ReturnType<BookingsClient['listBusinesses']>;
  /** Tests both connections against the setup's business and the given company. */
  testConnections(companyId: string | null): Promise<ConnectionCheck>;
  /** What the business's appointments, services and customers are called, for naming one. */
  names: StoredNames;
  /** What waits to be invoiced and the last invoice run. */
  status(): Promise<BusinessStatus>;
  /** The business's invoices with their payment status in Business Central (as the last sync read it); the overdue ones. */
  payments: PaymentsService;
  /** Automatic invoicing: the schedule's tick, once per business across processes, and its result to announce. */
  autoInvoice: AutoInvoicer;
  /** The chats and channels the bot is installed in and posts to: kept by the bot, listed for the setup's choice. */
  conversations: ConversationStore;
  /** The cards the bot posted whose buttons start invoice runs. */
  postedCards: PostedCards;
  /** The daily summary card the bot would post for yesterday, with a draft time zone, for the Setup page's preview. */
  cardPreview(request: CardPreviewRequest): Promise<CardJson>;
}

/** Invoice links: the emulator's invoice page in the sandbox, Business Central's web client live. */
export function invoiceLinks(config: Config, companyName: string): InvoiceLinks {
  return config.mode === 'sandbox'
    ? { kind: 'sandbox', origin: new URL(config.bc.apiBaseUrl).origin }
    : { kind: 'live', apiBaseUrl: config.bc.apiBaseUrl, companyName };
}

/** The real time, or in a sandbox started with SANDBOX_CLOCK_START, time passing from that instant. */
export function clockOf(config: Config): Clock {
  return config.clockStart === undefined ? systemClock : clockFrom(config.clockStart);
}

/**
 * Opens the configured store and wires the use cases over it, for a process that needs nothing else
 * of the store (the CLI); `close` closes the store.
 */
export async function openAppServices(deps: { config: Config; logger: Logger; clock?: Clock }): Promise<{ services: AppServices; close(): Promise<void> }> {
  const store = await openStore(deps.config.store, { logger: deps.logger });
  try {
    return { services: createAppServices({ ...deps, store }), close: () => store.close() };
  } catch (err) {
    await store.close();
    throw err;
  }
}

export function createAppServices(deps: {
  config: Config;
  logger: Logger;
  store: AppStore;
  clients?: Clients;
  companyName?: string;
  clock?: Clock;
  /** The bot's daily summary card, for `cardPreview`; without it (the CLI) there is no preview. */
  renderDailyCard?: DailyCardRenderer;
}): AppServices {
  const { config, logger, store } = deps;
  const clock = deps.clock ?? clockOf(config);
  const clients = deps.clients ?? createClients(config, logger);
  const businessId = config.graph.businessId;
  const setupService = new SetupService(store.db, clock);
  const storedSetup = async (): Promise<StoredSetup> => {
    const stored = await setupService.get(businessId);
    const { setup } = stored;
    return setup.companyId === null && config.bc.companyId ? { ...stored, setup: { ...setup, companyId: config.bc.companyId } } : stored;
  };
  const currentSetup = async (): Promise<Setup> => (await storedSetup()).setup;
  const links = invoiceLinks(config, deps.companyName ?? '');
  const sync = createSyncRunner({
    db: store.db,
    clients,
    logger,
    businessIds: [businessId],
    configuredCompanyId: config.bc.companyId,
    links,
    options: { timers: { ...realTimers, now: clock }, whileRunning: (work) => store.whileBulkWriting(work) },
  });
  const invoices = new InvoiceRunner({
    db: store.db,
    bookings: clients.bookings,
    bc: clients.businessCentral,
    configuredCompanyId: config.bc.companyId,
    businessId,
    setup: currentSetup,
    links,
    logger,
    clock,
  });
  const catalog = new CatalogCache({ bookings: clients.bookings, businessId: async () => (await currentSetup()).businessId });
  const linking = createLinking({ db: store.db, bc: clients.businessCentral, businessId: businessKey(businessId), setup: currentSetup, clock });
  const setupTables = new SetupTablesCache({ forCompany: (companyId) => clients.businessCentral.forCompany(companyId), clock });
  const payments = new PaymentsService({ db: store.db, businessId, setup: currentSetup, clock });
  const history = new HistoryService({ db: store.db, businessId, runner: invoices, today: () => payments.today() });
  const people = new People(store.db, clock);
  const unbilledContext = async () => ({ now: clock(), setup: await currentSetup() });
  // The list's count and totals, kept while no write and no appointment end has changed them.
  const listTotals = new ListTotalsCache();
  const unbilled: AppServices['unbilled'] = {
    list: async (request) => queryUnbilled(store.db, { ...request, businessId }, await unbilledContext(), listTotals),
    all: async function* (request) {
      yield* allUnbilled(store.db, { ...request, businessId }, await unbilledContext());
    },
  };
  const exclusions = { db: store.db, clock };
  const appointments: AppServices['appointments'] = {
    exclude: (request) => excludeAppointment(exclusions, { ...request, businessId }),
    include: (request) => includeAppointment(exclusions, { ...request, businessId }),
    setPrice: (request) => setEnteredPrice(exclusions, { ...request, businessId }),
    markNoShow: (request) => markNoShow(exclusions, { ...request, businessId }),
    undoNoShow: (request) => undoNoShow(exclusions, { ...request, businessId }),
  };
  const companyId = async () => resolveCompanyId(await currentSetup(), { configuredCompanyId: config.bc.companyId, bc: clients.businessCentral, logger });
  const status = () => businessStatus({ db: store.db, businessId, clock, currentSetup });
  const autoInvoice = new AutoInvoicer({ db: store.db, businessId, setup: currentSetup, clock, runner: invoices });
  return {
    config,
    clock,
    logger,
    businessId,
    setupService,
    storedSetup,
    currentSetup,
    sync,
    invoices,
    links,
    catalog,
    linking,
    setupTables,
    history,
    people,
    appRoleGrants: (at = clock) => new AppRoleGrantStore(store.db, at),
    unbilled,
    appointments,
    companyId,
    companies: () => clients.businessCentral.listCompanies(),
    bookingsBusinesses: () => clients.bookings.listBusinesses(),
    testConnections: (chosen) => checkConnections({ bookings: clients.bookings, businessCentral: clients.businessCentral }, { businessId, companyId: chosen }),
    status,
    payments,
    autoInvoice,
    names: storedNames(store.db, businessId),
    conversations: new ConversationStore(store.db, clock),
    postedCards: new PostedCards(store.db, clock),
    cardPreview: cardPreview({
      clock,
      logger,
      unbilled: (days) => unbilled.all({ ...days, state: 'unbilled' }),
      staffNames: () => catalog.staffNames(),
      render: deps.renderDailyCard,
    }),
  };
}
