import { invoiceRunsQuerySchema } from '../../../contract/api-contract';
import { defineRoute, ok } from '../route';

export const listInvoiceRuns = defineRoute({
  method: 'GET',
  path: '/api/invoice-runs',
  role: 'reader',
  query: invoiceRunsQuerySchema,
  async handle({ services, query }) {
    return ok(await services.history.runs(query));
  },
});
