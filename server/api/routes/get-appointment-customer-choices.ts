import { isRefusal } from '../../../service/links';
import { linkChoicesQuerySchema } from '../../../contract/api-contract';
import { defineRoute, ok } from '../route';
import { askingBusinessCentral, linkAnswer } from './link-answer';

/** The Business Central customers an appointment without attendees can be invoiced to, searched by name, number or email (admin: links are setup). */
export const getAppointmentCustomerChoices = defineRoute({
  method: 'GET',
  path: '/api/appointments/:id/customer-choices',
  role: 'admin',
  query: linkChoicesQuerySchema,
  async handle({ services, params, query }) {
    const choices = await askingBusinessCentral(services.logger, 'listing appointment customer choices failed', () =>
      services.linking.appointmentCustomerChoices({ appointmentId: params['id']!, search: query.search }),
    );
    return isRefusal(choices) ? linkAnswer(choices) : ok(choices);
  },
});
