import type { AdaptiveCardJson } from '../cards';
import type { CardActionRequest, GuestLookup, MessageRequest } from './bot-request';
import type { BotServices } from './bot-services';
import type { CardMessenger, Reply } from './card-messenger';
import { handleCardAction } from './handle-card-action';
import { handleMessage } from './handle-message';
import type { RunWatchOptions } from './run-watcher';
import { RunWatchers } from './run-watchers';

/** Everything the bot does, free of any bot framework: the edge translates activities into these calls. */
export class BotActions {
  private readonly watchers: RunWatchers;

  constructor(
    readonly services: BotServices,
    messenger: CardMessenger,
    watch: RunWatchOptions = {},
  ) {
    this.watchers = new RunWatchers(services, messenger, watch);
  }

  message(request: MessageRequest, reply: Reply, guest: GuestLookup): Promise<void> {
    return handleMessage(this.services, request, reply, guest);
  }

  cardAction(request: CardActionRequest, guest: GuestLookup): Promise<AdaptiveCardJson> {
    return handleCardAction({ services: this.services, watchers: this.watchers }, request, guest);
  }

  /** Resolves when every card being kept in step with its run got its final edit. */
  idle(): Promise<void> {
    return this.watchers.idle();
  }

  stop(): Promise<void> {
    return this.watchers.stop();
  }
}
