import { API } from '../../../contract/endpoints';
import { actorOf } from '../auth/identity';
import { defineRoute } from '../route';
import { askingBusinessCentral, linkAnswer } from './link-answer';

/** Links a Bookings customer to a Business Central customer: the one picked, or a new one from the template (admin; audited). */
export const putCustomerLink = defineRoute(API.linkCustomer, {
  role: 'admin',
  async handle({ services, identity, params, body }) {
    const outcome = await askingBusinessCentral(services.logger, 'linking a customer failed', () =>
      services.linking.linkCustomer({ customerId: params.id, choice: body.choice, actor: actorOf(identity), source: 'tab' }),
    );
    return linkAnswer(outcome);
  },
});
