import { API } from '../../../contract/endpoints';
import { runsCsv } from '../exports/csv-exports';
import { defineRoute, download } from '../route';

/** Exporting is reading: readers may. */
export const exportInvoiceRuns = defineRoute(API.exportRuns, {
  role: 'reader',
  async handle({ services, query }) {
    const timeZone = (await services.currentSetup()).dailySummary.timeZone;
    const filter = query.source === undefined ? {} : { source: query.source };
    return download(runsCsv(services.history.allRuns(filter), { lang: query.lang, timeZone, now: services.clock() }));
  },
});
