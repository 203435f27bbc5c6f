import type { Logger } from '../logging/logger';
import type { SetupService } from '../setup/setup-service';
import type { ScheduledTask } from './scheduler';
import type { SyncRunner } from './sync-job';
import { businessKey } from '../domain/business-key';

/** The periodic sync of one business, every `setup.syncIntervalMinutes`. */
export function syncTask(deps: { runner: SyncRunner; setup: SetupService; businessId: string; logger?: Logger }): ScheduledTask {
  const businessId = businessKey(deps.businessId);
  return {
    name: `sync:${businessId}`,
    leaseName: `schedule:sync:${businessId}`,
    intervalMs: async () => (await deps.setup.get(businessId)).setup.syncIntervalMinutes * 60_000,
    run: async () => {
      // The run goes on in the background; the runner's own lease keeps it single across processes.
      const runId = await deps.runner.requestSync(businessId, { requestedBy: 'schedule', source: 'schedule' });
      deps.logger?.info({ syncRun: runId, business: businessId }, 'scheduled sync requested');
    },
  };
}
