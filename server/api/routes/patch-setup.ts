import type { SetupPatchResponse } from '../../../contract/api-contract';
import { API } from '../../../contract/endpoints';
import { ApiError } from '../api-error';
import { actorOf } from '../auth/identity';
import { defineRoute, ok } from '../route';

export const patchSetup = defineRoute(API.patchSetup, {
  role: 'admin',
  async handle({ services, identity, body }) {
    const result = await services.setupService.update(services.businessId, body.patch, actorOf(identity), body.version, 'tab');
    if (result.ok) {
      const response: SetupPatchResponse = {
        setup: result.setup,
        version: result.version,
        updatedAt: result.updatedAt,
        updatedBy: result.updatedBy,
        changed: result.changed,
      };
      return ok(response);
    }
    switch (result.reason) {
      case 'invalid': {
        // The setup's own paths, under `patch` as the body names them.
        const list = Object.entries(result.fields).map(([path, message]) => `${path || '(root)'}: ${message}`);
        throw new ApiError('invalid_body', `Invalid setup: ${list.join('; ')}`, result.fields);
      }
      case 'conflict':
        throw new ApiError('conflict', 'Someone saved the setup after you opened it: reload it, then make your change again', undefined, {
          currentVersion: result.currentVersion,
        });
      default: {
        const unhandled: never = result;
        throw new Error(`Unknown setup update result ${JSON.stringify(unhandled)}`);
      }
    }
  },
});
