import { queryUnbilled, unbilledRequestSchema } from '../../../service/unbilled';
import { API } from '../../../contract/endpoints';
import { ApiError } from '../api-error';
import { defineRoute, ok } from '../route';

export const getUnbilled = defineRoute(API.unbilled, {
  role: 'reader',
  async handle({ services, query }) {
    // The query string checked field by field; the whole request (from ≤ to) by the service's schema.
    const request = unbilledRequestSchema.safeParse({ ...query, businessId: services.businessId });
    if (!request.success) throw ApiError.invalid('invalid_query', request.error.issues);
    const setup = await services.currentSetup();
    return ok(await queryUnbilled(services.store.db, request.data, { now: services.clock(), setup }));
  },
});
