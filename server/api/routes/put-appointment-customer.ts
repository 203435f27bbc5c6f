import { appointmentCustomerRequestSchema } from '../../../contract/api-contract';
import { actorOf } from '../auth/identity';
import { defineRoute } from '../route';
import { askingBusinessCentral, linkAnswer } from './link-answer';

/** Links an appointment without attendees to the Business Central customer it is invoiced to: the one picked, or a new one by name (admin; audited). */
export const putAppointmentCustomer = defineRoute({
  method: 'PUT',
  path: '/api/appointments/:id/customer',
  role: 'admin',
  body: appointmentCustomerRequestSchema,
  async handle({ services, identity, params, body }) {
    const outcome = await askingBusinessCentral(services.logger, 'linking an appointment customer failed', () =>
      services.linking.linkAppointmentCustomer({ appointmentId: params['id']!, choice: body.choice, actor: actorOf(identity), source: 'tab' }),
    );
    return linkAnswer(outcome);
  },
});
