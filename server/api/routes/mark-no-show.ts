import { API } from '../../../contract/endpoints';
import { actorOf } from '../auth/identity';
import { defineRoute } from '../route';
import { answerOf } from './appointment-action';

/** Marks an ended appointment as a no-show; the same role as "mark as invoiced", since both change what is billed. */
export const markNoShow = defineRoute(API.noShow, {
  role: 'invoicer',
  async handle({ services, identity, params }) {
    const id = params.id;
    const result = await services.appointments.markNoShow({ appointmentId: id, actor: actorOf(identity), source: 'tab' });
    return answerOf(result, id, 'no-show');
  },
});
