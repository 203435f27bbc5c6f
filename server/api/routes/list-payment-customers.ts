import { API } from '../../../contract/endpoints';
import { defineRoute, ok } from '../route';

/** The customer view: each customer's invoices counted, what it owes and its oldest unpaid due date. */
export const listPaymentCustomers = defineRoute(API.paymentCustomers, {
  role: 'reader',
  async handle({ services, query }) {
    return ok(await services.payments.customers(query));
  },
});
