import { paymentsQuerySchema } from '../../../tabs/src/api/contract';
import { defineRoute, ok } from '../route';

export const listPayments = defineRoute({
  method: 'GET',
  path: '/api/payments',
  role: 'reader',
  query: paymentsQuerySchema,
  async handle({ services, query }) {
    return ok(await services.payments.list(query));
  },
});
