import type { Kysely } from 'kysely';
import type { Clock } from '../domain/clock';
import { businessKey } from '../domain/business-key';
import type { Setup } from '../setup/setup-schema';
import type { Database } from '../store/database';
import { queryUnbilled } from '../unbilled';

/** What waits to be invoiced and the last invoice run of the business (the bot's `status`). */
export interface BusinessStatus {
  unbilledCount: number;
  cannotInvoiceCount: number;
  lastRun: { at: Date; created: number; failed: number } | null;
}

export async function businessStatus(deps: {
  db: Kysely<Database>;
  businessId: string;
  clock: Clock;
  currentSetup(): Promise<Setup>;
}): Promise<BusinessStatus> {
  const context = { now: deps.clock(), setup: await deps.currentSetup() };
  const count = async (state: 'invoiceable' | 'not-invoiceable') =>
    (await queryUnbilled(deps.db, { businessId: deps.businessId, state, limit: 1 }, context)).total;
  const lastRun = await deps.db
    .selectFrom('invoice_runs')
    .select(['created_at', 'created_count', 'failed_count'])
    .where('business_id', '=', businessKey(deps.businessId))
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    unbilledCount: await count('invoiceable'),
    cannotInvoiceCount: await count('not-invoiceable'),
    lastRun: lastRun ? { at: new Date(lastRun.created_at), created: lastRun.created_count, failed: lastRun.failed_count } : null,
  };
}
