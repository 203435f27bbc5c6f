import type { StartedRun } from '../../../contract/api-contract';
import { API } from '../../../contract/endpoints';
import { ApiError } from '../api-error';
import { actorOf } from '../auth/identity';
import { accepted, defineRoute } from '../route';

export const retryInvoiceRun = defineRoute(API.retryRun, {
  role: 'invoicer',
  async handle({ services, identity, params, runs }) {
    const runId = params.id;
    const run = await services.history.runSummary(runId);
    if (run === null) throw new ApiError('not_found', `No invoice run ${runId}`);
    if (!run.finished) throw new ApiError('conflict', 'The run is still going: retry its failures when it has finished');
    const retryId = await runs.admit(
      () => services.invoices.retryFailed(runId, actorOf(identity), 'tab'),
      (id) => services.invoices.ended(id),
    );
    const started: StartedRun = { runId: retryId };
    return accepted(started);
  },
});
