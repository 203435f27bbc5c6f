import type { SyncRunsResponse } from '../../../contract/api-contract';
import { API } from '../../../contract/endpoints';
import { defineRoute, ok } from '../route';

export const listSyncRuns = defineRoute(API.syncRuns, {
  role: 'reader',
  async handle({ services, query }) {
    const response: SyncRunsResponse = { runs: await services.sync.recentRuns(services.businessId, query.limit) };
    return ok(response);
  },
});
