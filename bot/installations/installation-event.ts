import type { ConversationRecord, ConversationStore } from './conversation-store';

/** What the edge reads from conversationUpdate (membersAdded / membersRemoved with the bot) and installationUpdate. */
export type InstallationEvent =
  | { kind: 'installed'; conversation: ConversationRecord }
  | { kind: 'uninstalled'; conversationId: string; teamId: string | null };

export async function handleInstallation(store: ConversationStore, event: InstallationEvent): Promise<void> {
  switch (event.kind) {
    case 'installed':
      await store.upsert(event.conversation);
      return;
    case 'uninstalled':
      if (event.teamId !== null) await store.removeTeam(event.teamId);
      await store.remove(event.conversationId);
      return;
  }
}
