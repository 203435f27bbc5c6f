import { API } from '../../../contract/endpoints';
import { auditCsv } from '../exports/csv-exports';
import { defineRoute, download } from '../route';

export const exportAudit = defineRoute(API.exportAudit, {
  role: 'reader',
  async handle({ services, query }) {
    const timeZone = (await services.currentSetup()).dailySummary.timeZone;
    const filter = query.action === undefined ? {} : { action: query.action };
    return download(auditCsv(services.history.allAudit(filter), { lang: query.lang, timeZone, now: services.clock() }));
  },
});
