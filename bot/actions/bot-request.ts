import type { CardLocale } from '../cards';

/** Who sent an activity: Teams' MRI, and the Entra object id when Teams gives it. */
export interface BotUser {
  id: string;
  name: string;
  aadObjectId: string | null;
}

export interface ConversationInfo {
  id: string;
  /** personal | groupChat | channel */
  type: string;
  tenantId: string;
  teamId: string | null;
  channelId: string | null;
}

export interface MessageRequest {
  text: string;
  user: BotUser;
  conversation: ConversationInfo;
  locale: CardLocale;
}

export type CardTrigger = 'manual' | 'automatic';

/** An `adaptiveCard/action` invoke, everything in it still untrusted. */
export interface CardActionRequest {
  verb: string;
  data: unknown;
  trigger: CardTrigger;
  user: BotUser;
  conversation: ConversationInfo;
  /** The message holding the clicked card, as Teams names it. */
  replyToId: string | null;
  locale: CardLocale;
}

/** Whether the user is a guest of the conversation's tenant, which the activity does not say (asked of Teams when needed). */
export type GuestLookup = () => Promise<boolean>;

/** The locale cards are written in: Danish for Danish clients, English otherwise. */
export function cardLocaleOf(clientLocale: string | undefined): CardLocale {
  return clientLocale?.toLowerCase().startsWith('da') ? 'da-DK' : 'en-US';
}
