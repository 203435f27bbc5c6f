import { API } from '../../../contract/endpoints';
import { unbilledRequestSchema } from '../../../service/unbilled';
import { ApiError } from '../api-error';
import { defineRoute, ok } from '../route';

export const getUnbilled = defineRoute(API.unbilled, {
  role: 'reader',
  async handle({ services, query }) {
    // The query string checked field by field; the whole request (from ≤ to) by the service's schema.
    const request = unbilledRequestSchema.safeParse({ ...query, businessId: services.businessId });
    if (!request.success) throw ApiError.invalid('invalid_query', request.error.issues);
    return ok(await services.unbilled.list(request.data));
  },
});
