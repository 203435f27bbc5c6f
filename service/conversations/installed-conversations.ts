import type { StoredConversation } from './conversation-store';

/**
 * A reply thread inside a channel is stored once the bot answers in it (its id is the channel's
 * with `;messageid=`), but the app is installed in the channel, not the thread.
 */
export const isChannelThread = (conversation: StoredConversation): boolean => conversation.channelId !== null && conversation.id !== conversation.channelId;

/** The chats and channels the app is installed in, without the threads it answered in. */
export function installedConversations(conversations: readonly StoredConversation[]): StoredConversation[] {
  return conversations.filter((c) => !isChannelThread(c));
}
