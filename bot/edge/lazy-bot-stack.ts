import type { BotActions, CardMessenger } from '../actions';
import type { AdaptiveCardJson } from '../cards';
import type { BotStack, BotStackSettings } from './bot-stack';
import type { BotTurns } from './mount-bot';

export interface LazyBotStack {
  /** For mountBot: loads the stack at the first activity. */
  turns: () => Promise<BotTurns>;
  /** Posts through the stack's messenger, loading it at the first card. */
  messenger: CardMessenger;
}

/**
 * The Bot Framework SDK (botbuilder with its connector, a copy of msal-node and the rest) is ~20 MB
 * of heap once loaded, kept for the process's life, and most installations' processes never see an
 * activity or post a card: it is loaded at the first of either, not at start-up. The actions are
 * built first with this messenger, since the stack's bot needs the actions.
 */
export function lazyBotStack(settings: BotStackSettings, actions: () => BotActions): LazyBotStack {
  let stack: Promise<BotStack> | undefined;
  const load = () => (stack ??= import('./bot-stack').then(({ createBotStack }) => createBotStack(settings, actions())));
  return {
    turns: async () => (await load()).turns,
    messenger: {
      send: async (conversationId: string, card: AdaptiveCardJson) => (await load()).messenger.send(conversationId, card),
      update: async (conversationId: string, activityId: string, card: AdaptiveCardJson) => (await load()).messenger.update(conversationId, activityId, card),
    },
  };
}
