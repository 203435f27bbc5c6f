import { auditQuerySchema } from '../../../contract/api-contract';
import { defineRoute, ok } from '../route';

export const listAudit = defineRoute({
  method: 'GET',
  path: '/api/audit',
  role: 'reader',
  query: auditQuerySchema,
  async handle({ services, query }) {
    return ok(await services.history.audit(query));
  },
});
