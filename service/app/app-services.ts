import { CatalogCache } from '../catalog/catalog-cache';
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
import type { AppStore } from '../store';

/**
 * The product's use cases wired for one process: every face (HTTP API, bot, CLI, scheduler) uses
 * these and nothing else, so they cannot drift apart.
 */
export interface AppServices {
  config: Config;
  /** The one clock of the process: every use case reads `now` from it. */
  clock: Clock;
  logger: Logger;
  store: AppStore;
  clients: Clients;
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
  /** The business's invoices with their payment status in Business Central (as the last sync read it); the overdue ones. */
  payments: PaymentsService;
  /** Automatic invoicing: the schedule's tick, once per business across processes, and its result to announce. */
  autoInvoice: AutoInvoicer;
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

export function createAppServices(deps: {
  config: Config;
  logger: Logger;
  store: AppStore;
  clients?: Clients;
  companyName?: string;
  clock?: Clock;
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
    options: { timers: { ...realTimers, now: clock } },
  });
  const invoices = new InvoiceRunner({
    db: store.db,
    bookings: clients.bookings,
    bc: clients.businessCentral,
    businessId,
    setup: currentSetup,
    links,
    logger,
    clock,
  });
  const catalog = new CatalogCache({ bookings: clients.bookings, businessId: async () => (await currentSetup()).businessId });
  const linking = createLinking({ db: store.db, bc: clients.businessCentral, businessId: businessId.toLowerCase(), setup: currentSetup, clock });
  const setupTables = new SetupTablesCache({ forCompany: (companyId) => clients.businessCentral.forCompany(companyId), clock });
  const history = new HistoryService({ db: store.db, businessId, runner: invoices });
  const people = new People(store.db, clock);
  const payments = new PaymentsService({ db: store.db, businessId, setup: currentSetup, clock });
  const autoInvoice = new AutoInvoicer({ db: store.db, businessId, setup: currentSetup, clock, runner: invoices });
  return {
    config,
    clock,
    logger,
    store,
    clients,
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
    payments,
    autoInvoice,
  };
}
