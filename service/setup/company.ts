import type { BusinessCentralClient } from '../clients/business-central/business-central-client';
import type { Logger } from '../logging/logger';
import type { Setup } from './setup-schema';

/**
 * The one rule for which Business Central company the app writes to, for sync and invoice runs alike:
 * the setup's company, else the configured one (BC_COMPANY_ID), else the environment's only company.
 * Null when the environment has several and none is chosen: the caller refuses in words
 * (NoCompanyError, "pick one"), since guessing among several would write to the wrong books.
 */
export async function resolveCompanyId(
  setup: Pick<Setup, 'companyId'>,
  deps: { configuredCompanyId?: string | undefined; bc: Pick<BusinessCentralClient, 'listCompanies'>; logger?: Logger },
): Promise<string | null> {
  if (setup.companyId !== null) return setup.companyId;
  if (deps.configuredCompanyId) return deps.configuredCompanyId;
  const { companies } = await deps.bc.listCompanies();
  const [only] = companies;
  if (companies.length !== 1 || only === undefined) return null;
  deps.logger?.info({ company: only.id }, 'no company chosen: using the only company of the environment');
  return only.id;
}
