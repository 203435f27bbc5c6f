import type { ConnectionTestResponse } from '../../../contract/api-contract';
import { API } from '../../../contract/endpoints';
import { defineRoute, ok } from '../route';

/** "Test connection": the saved setup's company, or the one the form shows before saving. */
export const testConnections = defineRoute(API.testConnections, {
  role: 'admin',
  async handle({ services, body }) {
    const setup = await services.currentSetup();
    const companyId = body.companyId === undefined ? setup.companyId : body.companyId;
    const response: ConnectionTestResponse = await services.testConnections(companyId);
    return ok(response);
  },
});
