import type { Kysely } from 'kysely';
import type { BusinessCentralClient } from '../clients/business-central/business-central-client';
import type { Clients } from '../clients/create-clients';
import type { Logger } from '../logging/logger';
import type { Setup } from '../setup/setup-schema';
import { resolveCompanyId } from '../setup/company';
import { SetupService } from '../setup/setup-service';
import type { Database } from '../store';
import type { InvoiceLinks } from '../invoicing/run/invoice-links';
import { syncAppointments } from '../sync/appointments';
import { createCustomerSync, CUSTOMER_REFRESH_MS } from '../sync/customers';
import { syncServices } from '../sync/services';
import { syncReconcile } from '../invoicing/reconcile';
import type { NamedSyncPhase, SyncContextFactory } from './sync-execution';
import { SyncRunner, type SyncRunnerOptions } from './sync-job';
import { businessKey } from '../domain/business-key';

/** Services before customers before appointments: appointments refer to both. Customers are listed again only when stale or someone new booked. */
export const DEFAULT_SYNC_PHASES: readonly NamedSyncPhase[] = [
  { name: 'services', run: syncServices },
  { name: 'customers', run: createCustomerSync({ refreshMs: CUSTOMER_REFRESH_MS }) },
  { name: 'appointments', run: syncAppointments },
  { name: 'reconcile', run: syncReconcile },
];

export interface SyncCompositionDeps {
  db: Kysely<Database>;
  clients: Pick<Clients, 'bookings' | 'businessCentral'>;
  logger: Logger;
  /** The Bookings business ids as Graph spells them (the runner keys runs by their lower case). */
  businessIds?: readonly string[];
  /** BC_COMPANY_ID: the company when the setup names none. */
  configuredCompanyId?: string | undefined;
  /** Invoice links, for drafts the reconcile phase adopts. */
  links?: InvoiceLinks | undefined;
}

/** The client bound to the company the one rule picks (`resolveCompanyId`); unbound, the phases fail with NoCompanyError, which asks the user to pick one. */
async function companyClient(deps: SyncCompositionDeps, setup: Setup, logger: Logger): Promise<BusinessCentralClient> {
  const bc = deps.clients.businessCentral;
  const companyId = await resolveCompanyId(setup, { configuredCompanyId: deps.configuredCompanyId, bc, logger });
  return companyId === null ? bc : bc.forCompany(companyId);
}

/** Builds each run's context: the business's stored setup and the Business Central client bound to its company. */
export function createSyncContextFactory(deps: SyncCompositionDeps): SyncContextFactory {
  const setupService = new SetupService(deps.db);
  const spelling = new Map((deps.businessIds ?? []).map((id) => [businessKey(id), id]));
  return async (base) => {
    const { setup } = await setupService.get(spelling.get(base.businessId) ?? base.businessId);
    const bc = await companyClient(deps, setup, base.logger);
    return { ...base, db: deps.db, bookings: deps.clients.bookings, bc, setup, invoiceLinks: deps.links };
  };
}

/** The process's sync runner with the real phases. */
export function createSyncRunner(deps: SyncCompositionDeps & { options?: Partial<SyncRunnerOptions> }): SyncRunner {
  return new SyncRunner({
    db: deps.db,
    phases: DEFAULT_SYNC_PHASES,
    createContext: createSyncContextFactory(deps),
    logger: deps.logger,
    ...deps.options,
  });
}
