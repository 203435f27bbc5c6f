import type { ConversationRecord, ConversationStore } from '../../service/conversations';
import { channelRecords, type TeamInfo } from './team-channels';

/**
 * What the edge reads from conversationUpdate (membersAdded / membersRemoved with the bot, and a
 * team's channel changes) and installationUpdate. `team` is the team's name and channel list, for
 * an install in a team or a change to its channels.
 */
export type InstallationEvent =
  | { kind: 'installed'; conversation: ConversationRecord; team?: TeamInfo }
  | { kind: 'teamChanged'; conversation: ConversationRecord; team: TeamInfo }
  | { kind: 'uninstalled'; conversationId: string; teamId: string | null };

export async function handleInstallation(store: ConversationStore, event: InstallationEvent): Promise<void> {
  switch (event.kind) {
    case 'installed':
      await store.upsert(event.conversation);
      if (event.team) await storeChannels(store, event.conversation, event.team);
      return;
    case 'teamChanged':
      await store.upsert(event.conversation);
      await storeChannels(store, event.conversation, event.team);
      return;
    case 'uninstalled':
      if (event.teamId !== null) await store.removeTeam(event.teamId);
      await store.remove(event.conversationId);
      return;
  }
}

/** One row per channel; a deleted channel's rows (the channel and threads in it) go. */
async function storeChannels(store: ConversationStore, team: ConversationRecord, info: TeamInfo): Promise<void> {
  if (team.teamId === null) return;
  const channels = channelRecords(team, info);
  // Every team has its General channel: an empty list says nothing about what was deleted.
  if (channels.length === 0) return;
  for (const channel of channels) await store.upsert(channel);
  const listed = new Set(channels.map((c) => c.id));
  for (const stored of await store.ofTeam(team.teamId)) {
    const channelId = stored.channelId ?? stored.id;
    if (!listed.has(channelId)) await store.remove(stored.id);
  }
}
