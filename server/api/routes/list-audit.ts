import { API } from '../../../contract/endpoints';
import { defineRoute, ok } from '../route';

export const listAudit = defineRoute(API.audit, {
  role: 'reader',
  async handle({ services, query }) {
    return ok(await services.history.audit(query));
  },
});
