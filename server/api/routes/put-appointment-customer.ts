import { API } from '../../../contract/endpoints';
import { actorOf } from '../auth/identity';
import { defineRoute } from '../route';
import { askingBusinessCentral, linkAnswer } from './link-answer';

/** Links an appointment without attendees to the Business Central customer it is invoiced to: the one picked, or a new one by name (admin; audited). */
export const putAppointmentCustomer = defineRoute(API.linkAppointmentCustomer, {
  role: 'admin',
  async handle({ services, identity, params, body }) {
    const outcome = await askingBusinessCentral(services.logger, 'linking an appointment customer failed', () =>
      services.linking.linkAppointmentCustomer({ appointmentId: params.id, choice: body.choice, actor: actorOf(identity), source: 'tab' }),
    );
    return linkAnswer(outcome);
  },
});
