import { defineRoute, ok } from '../route';
import type { MeResponse } from '../../../contract/api-contract';
import { API } from '../../../contract/endpoints';

export const getMe = defineRoute(API.me, {
  role: 'reader',
  async handle({ identity, services }) {
    const me: MeResponse = {
      id: identity.id,
      name: identity.name,
      ...(identity.email ? { email: identity.email } : {}),
      roles: identity.roles,
      mode: services.config.mode,
    };
    return ok(me);
  },
});
