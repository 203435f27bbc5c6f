import { API } from '../../../contract/endpoints';
import { actorOf } from '../auth/identity';
import { defineRoute } from '../route';
import { answerOf } from './appointment-action';

/** "Mark as invoiced": the appointment leaves the unbilled list without an invoice. */
export const excludeAppointment = defineRoute(API.exclude, {
  role: 'invoicer',
  async handle({ services, identity, params, body }) {
    const id = params.id;
    const result = await services.appointments.exclude({
      appointmentId: id,
      actor: actorOf(identity),
      source: 'tab',
      ...(body.reason ? { reason: body.reason } : {}),
    });
    return answerOf(result, id, 'excluded');
  },
});
