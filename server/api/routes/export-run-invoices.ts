import { runInvoicesExportQuerySchema } from '../../../contract/api-contract';
import { ApiError } from '../api-error';
import { runInvoicesCsv } from '../exports/csv-exports';
import { defineRoute, download } from '../route';

export const exportRunInvoices = defineRoute({
  method: 'GET',
  path: '/api/export/invoice-runs/:id/invoices',
  role: 'reader',
  query: runInvoicesExportQuerySchema,
  async handle({ services, params, query }) {
    const runId = params['id']!;
    const invoices = await services.history.allRunInvoices(runId);
    if (invoices === null) throw new ApiError('not_found', `No invoice run ${runId}`);
    const timeZone = (await services.currentSetup()).dailySummary.timeZone;
    return download(runInvoicesCsv(invoices, { lang: query.lang, timeZone, now: services.clock() }));
  },
});
