import { includeAppointment as include } from '../../../service/invoicing/exclusions';
import { API } from '../../../contract/endpoints';
import { actorOf } from '../auth/identity';
import { defineRoute } from '../route';
import { answerOf } from './appointment-action';

export const includeAppointment = defineRoute(API.include, {
  role: 'invoicer',
  async handle({ services, identity, params }) {
    const id = params.id;
    const result = await include({ db: services.store.db, clock: services.clock }, { businessId: services.businessId, appointmentId: id, actor: actorOf(identity), source: 'tab' });
    return answerOf(result, id, 'included');
  },
});
