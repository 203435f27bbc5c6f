export { ConversationStore, type ConversationRecord, type StoredConversation } from './conversation-store';
export { handleInstallation, type InstallationEvent } from './installation-event';
export { summaryTargets } from './summary-targets';
