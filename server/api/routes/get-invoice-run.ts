import { API } from '../../../contract/endpoints';
import { ApiError } from '../api-error';
import { defineRoute, ok } from '../route';

export const getInvoiceRun = defineRoute(API.run, {
  role: 'reader',
  async handle({ services, params }) {
    const runId = params.id;
    const run = await services.history.runSummary(runId);
    if (run === null) throw new ApiError('not_found', `No invoice run ${runId}`);
    return ok(run);
  },
});
