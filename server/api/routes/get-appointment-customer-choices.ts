import { isRefusal } from '../../../service/links';
import { API } from '../../../contract/endpoints';
import { defineRoute, ok } from '../route';
import { askingBusinessCentral, linkAnswer } from './link-answer';

/** The Business Central customers an appointment without attendees can be invoiced to, searched by name, number or email (admin: links are setup). */
export const getAppointmentCustomerChoices = defineRoute(API.appointmentCustomerChoices, {
  role: 'admin',
  async handle({ services, params, query }) {
    const choices = await askingBusinessCentral(services.logger, 'listing appointment customer choices failed', () =>
      services.linking.appointmentCustomerChoices({ appointmentId: params.id, search: query.search }),
    );
    return isRefusal(choices) ? linkAnswer(choices) : ok(choices);
  },
});
