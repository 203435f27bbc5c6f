import { API } from '../../../contract/endpoints';
import { ApiError } from '../api-error';
import { runInvoicesCsv } from '../exports/csv-exports';
import { defineRoute, download } from '../route';

export const exportRunInvoices = defineRoute(API.exportRunInvoices, {
  role: 'reader',
  async handle({ services, params, query }) {
    const runId = params.id;
    const invoices = await services.history.allRunInvoices(runId);
    if (invoices === null) throw new ApiError('not_found', `No invoice run ${runId}`);
    const timeZone = (await services.currentSetup()).dailySummary.timeZone;
    return download(runInvoicesCsv(invoices, { lang: query.lang, timeZone, now: services.clock() }));
  },
});
