import { API } from '../../../contract/endpoints';
import { ApiError } from '../api-error';
import { defineRoute, ok } from '../route';

export const listRunInvoices = defineRoute(API.runInvoices, {
  role: 'reader',
  async handle({ services, params, query }) {
    const runId = params.id;
    const page = await services.history.runInvoices({ ...query, runId });
    if (page === null) throw new ApiError('not_found', `No invoice run ${runId}`);
    return ok(page);
  },
});
