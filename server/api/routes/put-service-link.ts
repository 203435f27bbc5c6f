import { API } from '../../../contract/endpoints';
import { actorOf } from '../auth/identity';
import { defineRoute } from '../route';
import { askingBusinessCentral, linkAnswer } from './link-answer';

/** Links a Bookings service to a Business Central item of type Service: the one picked, or a new one from the template (admin; audited). */
export const putServiceLink = defineRoute(API.linkService, {
  role: 'admin',
  async handle({ services, identity, params, body }) {
    const outcome = await askingBusinessCentral(services.logger, 'linking a service failed', () =>
      services.linking.linkService({ serviceId: params.id, choice: body.choice, actor: actorOf(identity), source: 'tab' }),
    );
    return linkAnswer(outcome);
  },
});
