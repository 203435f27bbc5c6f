import type { StartedSync } from '../../../contract/api-contract';
import { API } from '../../../contract/endpoints';
import { actorOf } from '../auth/identity';
import { accepted, defineRoute } from '../route';

/** Starts a sync, or joins the one already running: either way its id to poll. */
export const startSync = defineRoute(API.startSync, {
  role: 'invoicer',
  async handle({ services, identity }) {
    const syncRunId = await services.sync.requestSync(services.businessId, { requestedBy: actorOf(identity), source: 'tab' });
    const started: StartedSync = { syncRunId };
    return accepted(started);
  },
});
