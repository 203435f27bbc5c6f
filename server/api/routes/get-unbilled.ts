import { unbilledRequestSchema } from '../../../service/unbilled';
import { unbilledQuerySchema } from '../../../tabs/src/api/contract';
import { ApiError } from '../api-error';
import { defineRoute, ok } from '../route';

export const getUnbilled = defineRoute({
  method: 'GET',
  path: '/api/unbilled',
  role: 'reader',
  query: unbilledQuerySchema,
  async handle({ services, query }) {
    // The query string checked field by field; the whole request (from ≤ to) by the service's schema.
    const request = unbilledRequestSchema.safeParse({ ...query, businessId: services.businessId });
    if (!request.success) throw ApiError.invalid('invalid_query', request.error.issues);
    return ok(await services.unbilled.list(request.data));
  },
});
