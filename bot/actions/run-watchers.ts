import type { CardContext } from '../cards';
import { realTimers } from '../../service/jobs/timers';
import type { BotServices } from './bot-services';
import type { CardMessenger } from './card-messenger';
import type { PostedCard } from '../../service/conversations';
import { runCard } from './run-card';
import { watchRun, type RunWatchOptions } from './run-watcher';

/** The runs this process started from cards, each edited into its shared message until it ends. */
export class RunWatchers {
  private readonly controller = new AbortController();
  private readonly watching = new Set<Promise<void>>();

  constructor(
    private readonly services: BotServices,
    private readonly messenger: CardMessenger,
    private readonly options: RunWatchOptions = {},
  ) {}

  start(card: PostedCard, runId: string, context: CardContext, fallbackActivityId: string | null): void {
    const activityId = card.activityId !== '' ? card.activityId : fallbackActivityId;
    if (activityId === null || activityId === '') return;
    const logger = this.services.logger.child({ runId, conversationId: card.conversationId });
    const done = watchRun(
      runId,
      {
        getSummary: (id) => this.services.invoices.getRunSummary(id),
        getRun: (id) => this.services.invoices.getRun(id),
        render: (run) => runCard(run, context),
        edit: (shown) => this.messenger.update(card.conversationId, activityId, shown),
        logger,
        signal: this.controller.signal,
        clock: this.services.clock,
        waits: this.services.waits ?? realTimers,
      },
      this.options,
    ).catch((err: unknown) => logger.error({ err }, 'watching the run failed'));
    this.watching.add(done);
    void done.finally(() => this.watching.delete(done));
  }

  /** Resolves when every watched run has ended and its final card was sent. */
  async idle(): Promise<void> {
    while (this.watching.size > 0) await Promise.all([...this.watching]);
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.idle();
  }
}
