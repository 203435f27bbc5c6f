import { API } from '../../../contract/endpoints';
import { ApiError } from '../api-error';
import { defineRoute, ok } from '../route';
import { businessKey } from '../../../service/domain/business-key';

export const getSyncRun = defineRoute(API.syncRun, {
  role: 'reader',
  async handle({ services, params }) {
    const id = params.id;
    const run = await services.sync.getRun(id);
    // Runs of another business served by the same database are not this tab's to see.
    if (run === undefined || run.businessId !== businessKey(services.businessId)) throw new ApiError('not_found', `No sync run ${id}`);
    return ok(run);
  },
});
