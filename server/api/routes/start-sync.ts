import { startSyncRequestSchema, type StartedSync } from '../../../contract/api-contract';
import { actorOf } from '../auth/identity';
import { accepted, defineRoute } from '../route';

/** Starts a sync, or joins the one already running: either way its id to poll. */
export const startSync = defineRoute({
  method: 'POST',
  path: '/api/sync',
  role: 'invoicer',
  body: startSyncRequestSchema,
  async handle({ services, identity }) {
    const syncRunId = await services.sync.requestSync(services.businessId, { requestedBy: actorOf(identity), source: 'tab' });
    const started: StartedSync = { syncRunId };
    return accepted(started);
  },
});
