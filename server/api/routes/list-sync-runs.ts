import { syncRunsQuerySchema, type SyncRunsResponse } from '../../../contract/api-contract';
import { defineRoute, ok } from '../route';

export const listSyncRuns = defineRoute({
  method: 'GET',
  path: '/api/sync',
  role: 'reader',
  query: syncRunsQuerySchema,
  async handle({ services, query }) {
    const response: SyncRunsResponse = { runs: await services.sync.recentRuns(services.businessId, query.limit) };
    return ok(response);
  },
});
