import { includeAppointment as include } from '../../../service/invoicing/exclusions';
import { includeRequestSchema } from '../../../contract/api-contract';
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
    const result = await include({ db: services.store.db, clock: services.clock }, { businessId: services.businessId, appointmentId: id, actor: actorOf(identity), source: 'tab' });
    return answerOf(result, id, 'included');
  },
});
