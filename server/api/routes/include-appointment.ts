import { API } from '../../../contract/endpoints';
import { actorOf } from '../auth/identity';
import { defineRoute } from '../route';
import { answerOf } from './appointment-action';

export const includeAppointment = defineRoute(API.include, {
  role: 'invoicer',
  async handle({ services, identity, params }) {
    const id = params.id;
    const result = await services.appointments.include({ appointmentId: id, actor: actorOf(identity), source: 'tab' });
    return answerOf(result, id, 'included');
  },
});
