import { API } from '../../../contract/endpoints';
import { defineRoute, ok } from '../route';

export const listInvoiceRuns = defineRoute(API.runs, {
  role: 'reader',
  async handle({ services, query }) {
    return ok(await services.history.runs(query));
  },
});
