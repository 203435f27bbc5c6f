import type { AdaptiveCardJson } from '../cards';
import type { Clock } from '../../service/domain/clock';
import type { RunResult, RunSummary } from '../../service/invoicing/run';
import { abortableSleep } from '../../service/jobs/abortable-sleep';
import type { Logger } from '../../service/logging/logger';
import type { Waits } from './bot-services';
import { isSettled } from './run-card';

export interface RunWatchOptions {
  /** How often the run is re-read. Default 1 s. */
  pollMs?: number;
  /** Teams rate-limits edits per thread: at most one progress edit this often. Default 10 s. */
  minEditIntervalMs?: number;
  /** Gives up on a run that never ends (it resumes in another process). Default 1 h. */
  maxWatchMs?: number;
}

export interface RunWatchDeps {
  /** What is polled: the run without its invoices. */
  getSummary(runId: string): Promise<RunSummary>;
  /** The run with its invoices, read only for an edit (a finished run of thousands of invoices is megabytes). */
  getRun(runId: string): Promise<RunResult>;
  render(run: RunResult): AdaptiveCardJson;
  edit(card: AdaptiveCardJson): Promise<void>;
  logger: Logger;
  signal: AbortSignal;
  clock: Clock;
  waits: Waits;
}

const progressKey = (run: RunSummary) => `${run.state}:${run.progress.created}:${run.progress.failed}:${run.progress.planned}`;

/**
 * Keeps the shared message in step with a run for everyone in the conversation: an edit when the
 * run starts, at most one per interval while it changes, and the final one when it ends.
 */
export async function watchRun(runId: string, deps: RunWatchDeps, options: RunWatchOptions = {}): Promise<void> {
  const pollMs = options.pollMs ?? 1_000;
  const minEdit = options.minEditIntervalMs ?? 10_000;
  const now = () => deps.clock().getTime();
  const deadline = now() + (options.maxWatchMs ?? 3_600_000);
  let lastEditAt = Number.NEGATIVE_INFINITY;
  let lastKey = '';
  const edit = async (run: RunSummary) => {
    try {
      await deps.edit(deps.render(await deps.getRun(runId)));
    } catch (err) {
      deps.logger.warn({ err, runId }, 'could not update the card');
    }
    lastEditAt = now();
    lastKey = progressKey(run);
  };
  while (!deps.signal.aborted && now() < deadline) {
    const run = await deps.getSummary(runId);
    if (isSettled(run)) {
      await edit(run);
      return;
    }
    if (progressKey(run) !== lastKey && now() - lastEditAt >= minEdit) await edit(run);
    await abortableSleep(deps.waits, pollMs, deps.signal);
  }
}
