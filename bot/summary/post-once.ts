import { z } from 'zod';
import { cardLocaleOf } from '../actions/bot-request';
import type { BotServices } from '../actions/bot-services';
import type { CardMessenger } from '../actions/card-messenger';
import type { AdaptiveCardJson, CardLocale } from '../cards';
import type { CardSelection, ConversationStore, PostedCard, PostedCardKind, StoredConversation } from '../../service/conversations';
import type { AsHolder } from '../../service/jobs/scheduler';

/** What the bot needs to post a card on its own to the summary's conversations. */
export interface ScheduledPostDeps {
  services: BotServices;
  messenger: CardMessenger;
  conversations: ConversationStore;
  /** Set by the scheduler: commits as the holder of the task's lease. */
  asHolder?: AsHolder;
}

const referenceLocale = z.object({ locale: z.string().optional() }).loose();

export function localeOfConversation(conversation: StoredConversation): CardLocale {
  try {
    return cardLocaleOf(referenceLocale.parse(JSON.parse(conversation.reference)).locale);
  } catch {
    return 'en-US';
  }
}

/** What the setup shows of a failed post: the error's own message, kept short (it is not a log). */
function postErrorOf(err: unknown): string {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return message.length > 300 ? `${message.slice(0, 299)}…` : message;
}

export type PostOnceOutcome = 'posted' | 'alreadyPosted' | 'failed';

/**
 * Posts one card to one conversation once: its `posted_cards` row is inserted before sending, and
 * the unique (conversation, kind, key) lets one insert win across processes. A failed send removes
 * the row so a later tick retries; each conversation's outcome is recorded for the setup page.
 */
export async function postOnce(
  deps: ScheduledPostDeps,
  card: { conversationId: string; kind: PostedCardKind; key: string; selection: CardSelection; runId?: string },
  view: (stored: PostedCard) => Promise<AdaptiveCardJson>,
): Promise<PostOnceOutcome> {
  const { services } = deps;
  const cards = services.postedCards;
  // Under the schedule's lease, the claim on the card is fenced: a process that lost the lease posts nothing.
  const stored = await cards.insert(card, deps.asHolder);
  if (!stored) return 'alreadyPosted';
  try {
    const activityId = await deps.messenger.send(card.conversationId, await view(stored));
    await cards.setActivity(stored.id, activityId);
    await deps.conversations.recordPost(card.conversationId, null);
    return 'posted';
  } catch (err) {
    services.logger.warn({ err, conversationId: card.conversationId, kind: card.kind, key: card.key }, 'card not posted; retried at the next tick');
    await cards.remove(stored.id);
    await deps.conversations.recordPost(card.conversationId, postErrorOf(err));
    return 'failed';
  }
}

/** The empty selection of a card whose button (if any) never invoices a period. */
export const NO_SELECTION: CardSelection = { firstDay: null, lastDay: null, customer: null, periodName: null, label: null };
