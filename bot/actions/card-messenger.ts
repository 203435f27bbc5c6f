import type { AdaptiveCardJson } from '../cards';

/** Sends into and edits messages of a stored conversation (proactively, outside any turn). */
export interface CardMessenger {
  /** Posts a card; resolves with the new message's activity id. */
  send(conversationId: string, card: AdaptiveCardJson): Promise<string>;
  /** Replaces the card of an earlier message for everyone in the conversation. */
  update(conversationId: string, activityId: string, card: AdaptiveCardJson): Promise<void>;
}

/** Answers within the current turn. */
export interface Reply {
  card(card: AdaptiveCardJson): Promise<string>;
  text(text: string): Promise<string>;
}
