import type { StatusInput, SyncOutcome } from '../cards';
import { nextSummaryAt } from '../summary/summary-time';
import { nowOf, type BotServices } from './bot-services';

function outcomeOf(state: string): SyncOutcome {
  if (state === 'succeeded') return 'succeeded';
  if (state === 'queued' || state === 'running') return 'running';
  return 'failed';
}

/** `id` by its name in `names`; `otherwise` when it has none there or the service cannot say. */
async function nameOf(services: BotServices, names: () => Promise<ReadonlyMap<string, string>>, id: string, otherwise: string, what: string): Promise<string> {
  try {
    const name = (await names()).get(id);
    return name === undefined || name.trim() === '' ? otherwise : name;
  } catch (err) {
    services.logger.warn({ err }, `${what} unavailable for the status card`);
    return otherwise;
  }
}

/** What `status` shows, read fresh: the last sync, what waits, the last run, the next summary. */
export async function statusInput(services: BotServices): Promise<StatusInput> {
  const setup = await services.currentSetup();
  const now = nowOf(services);
  const [lastSync] = await services.sync.recentRuns(services.businessId, 1);
  const { unbilledCount, cannotInvoiceCount, lastRun } = await services.status();
  return {
    // The business by its display name, else its mailbox address (readable); the company by its name,
    // else '-': the card never shows a GUID.
    bookingsBusiness: await nameOf(services, () => services.businessNames(), setup.businessId, setup.businessId, 'Bookings business names'),
    businessCentralCompany:
      setup.companyId === null ? '-' : await nameOf(services, () => services.companyNames(), setup.companyId, '-', 'Business Central company names'),
    lastSync: lastSync ? { at: new Date(lastSync.finishedAt ?? lastSync.updatedAt), outcome: outcomeOf(lastSync.state), errorKind: lastSync.errorKind } : null,
    unbilledCount,
    cannotInvoiceCount,
    lastRun,
    nextSummaryAt: nextSummaryAt(now, setup.dailySummary),
  };
}
