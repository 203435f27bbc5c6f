import type { ScheduledTask } from '../../service/jobs/scheduler';
import { postDailySummaries, type SummaryDeps } from './post-daily-summary';
import { businessKey } from '../../service/domain/business-key';

/** Checked every minute: a summary is due once its local time has passed, and is posted once. */
export const SUMMARY_CHECK_MS = 60_000;

/** The daily summary as a scheduler task: the scheduler's lease picks one process per tick. */
export function dailySummaryTask(deps: SummaryDeps, checkEveryMs: number = SUMMARY_CHECK_MS): ScheduledTask {
  const businessId = businessKey(deps.services.businessId);
  return {
    name: `daily-summary:${businessId}`,
    leaseName: `schedule:daily-summary:${businessId}`,
    intervalMs: () => checkEveryMs,
    run: async (_signal, asHolder) => {
      const outcome = await postDailySummaries({ ...deps, asHolder });
      if (outcome.posted.length > 0 || outcome.failed.length > 0) {
        deps.services.logger.info({ day: outcome.day, posted: outcome.posted.length, failed: outcome.failed.length }, 'daily summary');
      }
    },
  };
}
