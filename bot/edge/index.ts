export { AdapterMessenger, UnknownConversationError } from './adapter-messenger';
export { BotAuthConfigError, readBotAuthConfig, type BotAuthConfig } from './bot-auth-config';
export { readTabLinks } from './bot-settings';
export { BookingsBot } from './bookings-bot';
export { createAdapter } from './create-adapter';
export { mountBot } from './mount-bot';
