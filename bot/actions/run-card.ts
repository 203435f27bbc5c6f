import {
  type AdaptiveCardJson,
  type CardContext,
  type CreatedInvoice,
  type FailedInvoice,
  type RunState as CardRunState,
  runProgressCard,
  runResultCard,
} from '../cards';
import type { RunResult } from '../../service/invoicing/run';
import { LIVE_STATUSES } from '../../service/invoicing/run/run-view';

function cardState(run: RunResult): CardRunState {
  if (run.finished) return run.state === 'failed' ? 'failed' : 'completed';
  // A stopped run (error set) resumes on the next start; until then it shows as failed.
  if (run.error !== null) return 'failed';
  return run.state === 'planned' ? 'queued' : 'running';
}

export const isSettled = (run: RunResult): boolean => cardState(run) === 'completed' || cardState(run) === 'failed';

function invoicesOf(run: RunResult): CreatedInvoice[] {
  return run.invoices
    .filter((i) => (LIVE_STATUSES as readonly string[]).includes(i.status))
    .map((i) => ({ number: i.number ?? i.externalDocumentNumber, url: i.url, customerName: i.customer.name || i.customer.email, amount: i.amount }));
}

function failuresOf(run: RunResult): FailedInvoice[] {
  const failed = run.invoices
    .filter((i) => i.status === 'failed')
    .map((i) => ({ customerName: i.customer.name || i.customer.email, reason: i.error ?? '' }));
  return run.error !== null && !run.finished ? [...failed, { customerName: '-', reason: run.error }] : failed;
}

/** The card a run's card shows now: progress while it works, the result when it has ended. */
export function runCard(run: RunResult, context: CardContext, refreshUserIds: readonly string[] = []): AdaptiveCardJson {
  const state = cardState(run);
  const progress = { runId: run.id, state, ...run.progress };
  if (!isSettled(run)) return runProgressCard({ ...progress, refreshUserIds }, context);
  return runResultCard({ ...progress, invoices: invoicesOf(run), failures: failuresOf(run) }, context).card;
}

/** A click won the race but its run has not been written yet. */
export function startingCard(context: CardContext, refreshUserIds: readonly string[] = []): AdaptiveCardJson {
  return runProgressCard({ runId: 'starting', state: 'queued', planned: 0, created: 0, failed: 0, refreshUserIds }, context);
}
