import type { SetupResponse } from '../../../contract/api-contract';
import { API } from '../../../contract/endpoints';
import { defineRoute, ok } from '../route';

export const getSetup = defineRoute(API.setup, {
  role: 'reader',
  async handle({ services }) {
    const stored = await services.storedSetup();
    const response: SetupResponse = { setup: stored.setup, version: stored.version, updatedAt: stored.updatedAt, updatedBy: stored.updatedBy };
    return ok(response);
  },
});
