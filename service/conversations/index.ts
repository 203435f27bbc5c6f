export { ConversationStore, type ConversationRecord, type PostResult, type StoredConversation } from './conversation-store';
export { installedConversations, isChannelThread } from './installed-conversations';
export {
  cardSelectionSchema,
  isPending,
  PENDING_PREFIX,
  POSTED_CARD_KINDS,
  PostedCards,
  selectionInput,
  type CardSelection,
  type NewPostedCard,
  type PostedCard,
  type PostedCardKind,
} from './posted-cards';
export { CARD_PERIOD_NAMES, type CardPeriodName } from './card-period-names';
