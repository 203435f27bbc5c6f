import { API } from '../../../contract/endpoints';
import { actorOf } from '../auth/identity';
import { defineRoute } from '../route';
import { answerOf } from './appointment-action';

/** The price typed for an appointment Bookings does not price ("price varies", "call us"); null clears it. */
export const putAppointmentPrice = defineRoute(API.setPrice, {
  role: 'invoicer',
  async handle({ services, identity, params, body }) {
    const id = params.id;
    const result = await services.appointments.setPrice({
      appointmentId: id,
      actor: actorOf(identity),
      source: 'tab',
      price: body.price,
    });
    return answerOf(result, id, 'price-entered');
  },
});
