import type { StatusInput, SyncOutcome } from '../cards';
import { queryUnbilled } from '../../service/unbilled';
import { nextSummaryAt } from '../summary/summary-time';
import { nowOf, type BotServices } from './bot-services';
import { businessKey } from '../../service/domain/business-key';

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

/** What `status` shows, read fresh: the last sync, what waits, the last run, the next summary. */
export async function statusInput(services: BotServices): Promise<StatusInput> {
  const setup = await services.currentSetup();
  const now = nowOf(services);
  const context = { now, setup };
  const businessId = services.businessId;
  const count = async (state: 'invoiceable' | 'not-invoiceable') =>
    (await queryUnbilled(services.db, { businessId, state, limit: 1 }, context)).total;
  const [lastSync] = await services.sync.recentRuns(businessId, 1);
  const lastRun = await services.db
    .selectFrom('invoice_runs')
    .select(['created_at', 'created_count', 'failed_count'])
    .where('business_id', '=', businessKey(businessId))
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    bookingsBusiness: setup.businessId,
    businessCentralCompany: await companyName(services, setup.companyId),
    lastSync: lastSync
      ? { at: new Date(lastSync.finishedAt ?? lastSync.updatedAt), outcome: outcomeOf(lastSync.state), errorKind: lastSync.errorKind }
      : null,
    unbilledCount: await count('invoiceable'),
    cannotInvoiceCount: await count('not-invoiceable'),
    lastRun: lastRun ? { at: new Date(lastRun.created_at), created: lastRun.created_count, failed: lastRun.failed_count } : null,
    nextSummaryAt: nextSummaryAt(now, setup.dailySummary),
  };
}
