import type { StartedRun } from '../../../contract/api-contract';
import { API } from '../../../contract/endpoints';
import { actorOf } from '../auth/identity';
import { accepted, defineRoute } from '../route';

export const startInvoiceRun = defineRoute(API.startRun, {
  role: 'invoicer',
  async handle({ services, identity, body, runs }) {
    const runId = await runs.admit(
      () => services.invoices.start(body.selection, actorOf(identity), 'tab', body.afterCreate === undefined ? {} : { afterCreate: body.afterCreate }),
      (id) => services.invoices.ended(id),
    );
    const started: StartedRun = { runId };
    return accepted(started);
  },
});
