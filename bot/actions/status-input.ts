import type { StatusInput, SyncOutcome } from '../cards';
import { nextSummaryAt } from '../summary/summary-time';
import { nowOf, type BotServices } from './bot-services';

function outcomeOf(state: string): SyncOutcome {
  if (state === 'succeeded') return 'succeeded';
  if (state === 'queued' || state === 'running') return 'running';
  return 'failed';
}

/** The set-up company by its name; '-' when none is set or Business Central cannot say (the card never shows its GUID). */
async function companyName(services: BotServices, companyId: string | null): Promise<string> {
  if (companyId === null) return '-';
  try {
    const name = (await services.companyNames()).get(companyId);
    return name === undefined || name === '' ? '-' : name;
  } catch (err) {
    services.logger.warn({ err }, 'Business Central company names unavailable for the status card');
    return '-';
  }
}

/** The set-up Bookings business by its display name; its mailbox address when Bookings cannot name it (readable, never a GUID). */
async function businessName(services: BotServices, businessId: string): Promise<string> {
  try {
    const name = (await services.businessNames()).get(businessId);
    return name === undefined || name.trim() === '' ? businessId : name;
  } catch (err) {
    services.logger.warn({ err }, 'Bookings business names unavailable for the status card');
    return businessId;
  }
}

/** What `status` shows, read fresh: the last sync, what waits, the last run, the next summary. */
export async function statusInput(services: BotServices): Promise<StatusInput> {
  const setup = await services.currentSetup();
  const now = nowOf(services);
  const [lastSync] = await services.sync.recentRuns(services.businessId, 1);
  const { unbilledCount, cannotInvoiceCount, lastRun } = await services.status();
  return {
    bookingsBusiness: await businessName(services, setup.businessId),
    businessCentralCompany: await companyName(services, setup.companyId),
    lastSync: lastSync ? { at: new Date(lastSync.finishedAt ?? lastSync.updatedAt), outcome: outcomeOf(lastSync.state), errorKind: lastSync.errorKind } : null,
    unbilledCount,
    cannotInvoiceCount,
    lastRun,
    nextSummaryAt: nextSummaryAt(now, setup.dailySummary),
  };
}
