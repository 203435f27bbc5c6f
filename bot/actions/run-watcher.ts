import type { AdaptiveCardJson } from '../cards';
import type { RunResult } from '../../service/invoicing/run';
import type { Logger } from '../../service/logging/logger';
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
  getRun(runId: string): Promise<RunResult>;
  render(run: RunResult): AdaptiveCardJson;
  edit(card: AdaptiveCardJson): Promise<void>;
  logger: Logger;
  signal: AbortSignal;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

const progressKey = (run: RunResult) => `${run.state}:${run.progress.created}:${run.progress.failed}:${run.progress.planned}`;

/**
 * Keeps the shared message in step with a run for everyone in the conversation: an edit when the
 * run starts, at most one per interval while it changes, and the final one when it ends.
 */
export async function watchRun(runId: string, deps: RunWatchDeps, options: RunWatchOptions = {}): Promise<void> {
  const pollMs = options.pollMs ?? 1_000;
  const minEdit = options.minEditIntervalMs ?? 10_000;
  const deadline = Date.now() + (options.maxWatchMs ?? 3_600_000);
  let lastEditAt = 0;
  let lastKey = '';
  const edit = async (run: RunResult) => {
    try {
      await deps.edit(deps.render(run));
    } catch (err) {
      deps.logger.warn({ err, runId }, 'could not update the card');
    }
    lastEditAt = Date.now();
    lastKey = progressKey(run);
  };
  while (!deps.signal.aborted && Date.now() < deadline) {
    const run = await deps.getRun(runId);
    if (isSettled(run)) {
      await edit(run);
      return;
    }
    if (progressKey(run) !== lastKey && Date.now() - lastEditAt >= minEdit) await edit(run);
    await sleep(pollMs, deps.signal);
  }
}
