import type { BotActions } from '../actions';
import type { ConversationStore } from '../../service/conversations';
import type { Logger } from '../../service/logging/logger';
import type { Tenants } from '../../service/identity/tenants';
import { AdapterMessenger } from './adapter-messenger';
import type { BotAuthConfig } from './bot-auth-config';
import { BookingsBot } from './bookings-bot';
import { createAdapter, type AdapterUrls } from './create-adapter';
import type { BotTurns } from './mount-bot';

export interface BotStackSettings {
  auth: BotAuthConfig;
  urls: AdapterUrls;
  tenants: Tenants;
  mode: 'sandbox' | 'live';
  logger: Logger;
  conversations: ConversationStore;
}

export interface BotStack {
  turns: BotTurns;
  messenger: AdapterMessenger;
}

/** Everything of the bot that needs the Bot Framework SDK: the adapter, the messenger that posts through it, the turn handler. */
export function createBotStack(settings: BotStackSettings, actions: BotActions): BotStack {
  const { auth, urls, tenants, mode, logger, conversations } = settings;
  const adapter = createAdapter(auth, logger, urls);
  const messenger = new AdapterMessenger(adapter.adapter, auth.MicrosoftAppId ?? '', conversations, { tenants, mode });
  return { turns: { ...adapter, bot: new BookingsBot(actions, conversations, logger) }, messenger };
}
