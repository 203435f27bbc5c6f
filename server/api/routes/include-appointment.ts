import { includeRequestSchema } from '../../../tabs/src/api/contract';
import { actorOf } from '../auth/identity';
import { defineRoute } from '../route';
import { answerOf } from './appointment-action';

export const includeAppointment = defineRoute({
  method: 'POST',
  path: '/api/appointments/:id/include',
  role: 'invoicer',
  body: includeRequestSchema,
  async handle({ services, identity, params }) {
    const id = params['id']!;
    const result = await services.appointments.include({ appointmentId: id, actor: actorOf(identity), source: 'tab' });
    return answerOf(result, id, 'included');
  },
});
