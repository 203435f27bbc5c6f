export { ConversationStore, type ConversationRecord, type StoredConversation } from './conversation-store';
export { handleInstallation, type InstallationEvent } from './installation-event';
export { installedConversations, isChannelThread } from './installed-conversations';
export { summaryTargets } from './summary-targets';
export { channelDisplayName, channelRecords, GENERAL_CHANNEL, type TeamChannel, type TeamInfo } from './team-channels';
