import type { DailySummary } from '../../service/setup/setup-schema';
import type { StoredConversation } from '../../service/conversations';
import { installedConversations } from '../../service/conversations';

/**
 * Where the daily summary goes: every conversation the bot is installed in, or those the setup
 * lists. A listed id may name a conversation, or a team or channel the bot was installed in
 * (the reference kept at install then posts to it).
 */
export function summaryTargets(conversations: readonly StoredConversation[], setting: DailySummary['conversationIds']): StoredConversation[] {
  const installed = installedConversations(conversations);
  if (setting === 'all') return installed;
  const targets = new Map<string, StoredConversation>();
  for (const id of setting) {
    const match = installed.find((c) => c.id === id || c.channelId === id || c.teamId === id);
    if (match) targets.set(match.id, match);
  }
  return [...targets.values()];
}
