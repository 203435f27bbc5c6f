import { API } from '../../../contract/endpoints';
import { defineRoute, ok } from '../route';

/** The business's invoices with their payment state in Business Central, as the last sync read it. */
export const listPayments = defineRoute(API.payments, {
  role: 'reader',
  async handle({ services, query }) {
    return ok(await services.payments.list(query));
  },
});
