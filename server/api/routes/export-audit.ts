import { auditExportQuerySchema } from '../../../contract/api-contract';
import { auditCsv } from '../exports/csv-exports';
import { defineRoute, download } from '../route';

export const exportAudit = defineRoute({
  method: 'GET',
  path: '/api/export/audit',
  role: 'reader',
  query: auditExportQuerySchema,
  async handle({ services, query }) {
    const timeZone = (await services.currentSetup()).dailySummary.timeZone;
    const filter = query.action === undefined ? {} : { action: query.action };
    return download(auditCsv(services.history.allAudit(filter), { lang: query.lang, timeZone, now: services.clock() }));
  },
});
