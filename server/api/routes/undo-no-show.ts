import { API } from '../../../contract/endpoints';
import { actorOf } from '../auth/identity';
import { defineRoute } from '../route';
import { answerOf } from './appointment-action';

/** Undoes a no-show: the customer came after all. */
export const undoNoShow = defineRoute(API.attended, {
  role: 'invoicer',
  async handle({ services, identity, params }) {
    const id = params.id;
    const result = await services.appointments.undoNoShow({ appointmentId: id, actor: actorOf(identity), source: 'tab' });
    return answerOf(result, id, 'attended');
  },
});
