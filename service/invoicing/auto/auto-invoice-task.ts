import type { Logger } from '../../logging/logger';
import type { AsHolder, ScheduledTask } from '../../jobs/scheduler';
import type { AutoInvoicer } from './auto-invoicer';

/** Checked every minute: a tick is due once its local time has passed, and runs once. */
export const AUTO_INVOICE_CHECK_MS = 60_000;

/**
 * Automatic invoicing as a scheduler task: the lease picks one process per check, the tick's claim
 * (fenced by that lease) one run per tick. `announce` posts finished ticks' results (the bot's
 * part); without a bot the runs still happen.
 */
export function autoInvoiceTask(deps: {
  autoInvoice: Pick<AutoInvoicer, 'tick'>;
  businessId: string;
  logger: Logger;
  announce?: (asHolder: AsHolder) => Promise<void>;
  checkEveryMs?: number;
}): ScheduledTask {
  const businessId = deps.businessId.trim().toLowerCase();
  return {
    name: `auto-invoice:${businessId}`,
    leaseName: `schedule:auto-invoice:${businessId}`,
    intervalMs: () => deps.checkEveryMs ?? AUTO_INVOICE_CHECK_MS,
    run: async (_signal, asHolder) => {
      const tick = await deps.autoInvoice.tick(asHolder);
      if (tick?.started) deps.logger.info({ tick: tick.key, runId: tick.runId }, 'automatic invoicing started a run');
      if (deps.announce !== undefined) await deps.announce(asHolder);
    },
  };
}
