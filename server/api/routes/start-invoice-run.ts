import { invoiceRunRequestSchema, type StartedRun } from '../../../tabs/src/api/contract';
import { actorOf } from '../auth/identity';
import { accepted, defineRoute } from '../route';

export const startInvoiceRun = defineRoute({
  method: 'POST',
  path: '/api/invoice-runs',
  role: 'invoicer',
  body: invoiceRunRequestSchema,
  async handle({ services, identity, body, runs }) {
    const runId = await runs.admit(
      () => services.invoices.start(body.selection, actorOf(identity), 'tab', body.afterCreate === undefined ? {} : { afterCreate: body.afterCreate }),
      (id) => services.invoices.wait(id),
    );
    const started: StartedRun = { runId };
    return accepted(started);
  },
});
