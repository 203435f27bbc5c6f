export { BotActions } from './bot-actions';
export {
  type BotUser,
  type CardActionRequest,
  type CardTrigger,
  cardLocaleOf,
  type ConversationInfo,
  type GuestLookup,
  type MessageRequest,
} from './bot-request';
export type { BotServices } from './bot-services';
export { BadCardActionError, cardActionErrorWords } from './card-errors';
export type { CardMessenger, Reply } from './card-messenger';
export { postedCardView } from './posted-card-view';
export { appointmentRows } from './appointment-rows';
export type { RunWatchOptions } from './run-watcher';
