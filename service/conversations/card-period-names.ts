/**
 * How a command named the period a card shows: the bot's period names (bot/commands), stored with a
 * posted card and sent with an unbilled list's No-show button, so that a card drawn again names its
 * period in its reader's language. Imports nothing: the cards' own modules use it.
 */
export const CARD_PERIOD_NAMES = ['today', 'yesterday', 'thisWeek', 'lastWeek', 'thisMonth', 'lastMonth', 'dates'] as const;
export type CardPeriodName = (typeof CARD_PERIOD_NAMES)[number];
