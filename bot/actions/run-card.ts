import {
  type AdaptiveCardJson,
  type CardContext,
  languageOf,
  type CreatedInvoice,
  type FailedInvoice,
  type RunState as CardRunState,
  runProgressCard,
  runResultCard,
} from '../cards';
import type { RunResult } from '../../service/invoicing/run';
import { invoiceErrorWords, isFailedInvoice } from '../../service/invoicing/run/invoice-error-words';
import { runErrorWords } from '../../service/invoicing/run/run-error-words';
import { LIVE_STATUSES } from '../../service/invoicing/run/run-view';
import type { Language } from '../commands';

/** A run's card state needs only its summary: a watcher decides on that before it reads the invoices. */
type RunStanding = Pick<RunResult, 'finished' | 'state' | 'error'>;

function cardState(run: RunStanding): CardRunState {
  if (run.finished) return run.state === 'failed' ? 'failed' : 'completed';
  // A stopped run (error set) resumes on the next start; until then it shows as failed.
  if (run.error !== null) return 'failed';
  return run.state === 'planned' ? 'queued' : 'running';
}

export const isSettled = (run: RunStanding): boolean => cardState(run) === 'completed' || cardState(run) === 'failed';

function invoicesOf(run: RunResult): CreatedInvoice[] {
  return run.invoices
    .filter((i) => (LIVE_STATUSES as readonly string[]).includes(i.status))
    .map((i) => ({ number: i.number ?? i.externalDocumentNumber, url: i.url, customerName: i.customer.name || i.customer.email, amount: i.amount }));
}

/**
 * Why each invoice failed, in the card's language: a run that ended on an error says that error
 * in the run-error words the tab uses (never the request behind it); otherwise the invoice's own
 * reason (Business Central's words for a refused invoice).
 */
function failuresOf(run: RunResult, language: Language): FailedInvoice[] {
  const runWords = run.errorKind === null ? null : runErrorWords(run.errorKind, language);
  const failed = run.invoices
    .filter(isFailedInvoice)
    .map((i) => ({ customerName: i.customer.name || i.customer.email, reason: runWords ?? invoiceErrorWords(i.error, language) ?? '' }));
  return runWords !== null && !run.finished ? [...failed, { customerName: '-', reason: runWords }] : failed;
}

/** The card a run's card shows now: progress while it works, the result when it has ended. */
export function runCard(run: RunResult, context: CardContext, refreshUserIds: readonly string[] = []): AdaptiveCardJson {
  const state = cardState(run);
  const progress = { runId: run.id, state, ...run.progress };
  if (!isSettled(run)) return runProgressCard({ ...progress, refreshUserIds }, context);
  return runResultCard({ ...progress, invoices: invoicesOf(run), failures: failuresOf(run, languageOf(context.locale)), counts: run.counts }, context).card;
}

/** A click won the race but its run has not been written yet. */
export function startingCard(context: CardContext, refreshUserIds: readonly string[] = []): AdaptiveCardJson {
  return runProgressCard({ runId: 'starting', state: 'queued', planned: 0, created: 0, failed: 0, refreshUserIds }, context);
}
