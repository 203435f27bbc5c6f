import { isRefusal } from '../../../service/links';
import { API } from '../../../contract/endpoints';
import { defineRoute, ok } from '../route';
import { askingBusinessCentral, linkAnswer } from './link-answer';

/** What a Bookings customer can be linked to: a Business Central customer, searched by name or number (admin: links are setup). */
export const getCustomerLinkChoices = defineRoute(API.customerLinkChoices, {
  role: 'admin',
  async handle({ services, params, query }) {
    const choices = await askingBusinessCentral(services.logger, 'listing customer link choices failed', () =>
      services.linking.customerChoices({ customerId: params.id, search: query.search }),
    );
    return isRefusal(choices) ? linkAnswer(choices) : ok(choices);
  },
});
