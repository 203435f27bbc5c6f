import { isRefusal } from '../../../service/links';
import { API } from '../../../contract/endpoints';
import { defineRoute, ok } from '../route';
import { askingBusinessCentral, linkAnswer } from './link-answer';

/** What a Bookings service can be linked to: a Business Central item of type Service, searched by name or number (admin: links are setup). */
export const getServiceLinkChoices = defineRoute(API.serviceLinkChoices, {
  role: 'admin',
  async handle({ services, params, query }) {
    const choices = await askingBusinessCentral(services.logger, 'listing service link choices failed', () =>
      services.linking.serviceChoices({ serviceId: params.id, search: query.search }),
    );
    return isRefusal(choices) ? linkAnswer(choices) : ok(choices);
  },
});
