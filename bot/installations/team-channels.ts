import { z } from 'zod';
import type { ConversationRecord } from '../../service/conversations';

/** A channel as Teams lists it; the General channel has no name of its own. */
export interface TeamChannel {
  id: string;
  name: string | null;
}

/** What the edge gathers about a team: its name and its channels. */
export interface TeamInfo {
  name: string | null;
  channels: readonly TeamChannel[];
}

/** Teams names the General channel only in its clients: the channel list gives it no name. */
export const GENERAL_CHANNEL = 'General';

const referenceSchema = z.looseObject({ conversation: z.looseObject({ id: z.string() }) });

/** "team › channel", or whichever part is known. */
export function channelDisplayName(teamName: string | null, channel: TeamChannel): string {
  const channelName = channel.name ?? GENERAL_CHANNEL;
  return teamName ? `${teamName} › ${channelName}` : channelName;
}

/**
 * One conversation per channel of the team: the team's reference with the channel as its
 * conversation, so a proactive post lands in that channel rather than the one the bot was added from.
 */
export function channelRecords(team: ConversationRecord, info: TeamInfo): ConversationRecord[] {
  const teamId = team.teamId;
  if (teamId === null) return [];
  const reference = referenceSchema.parse(JSON.parse(team.reference));
  return info.channels.map((channel) => ({
    id: channel.id,
    tenantId: team.tenantId,
    serviceUrl: team.serviceUrl,
    conversationType: 'channel',
    reference: JSON.stringify({ ...reference, conversation: { ...reference.conversation, id: channel.id, conversationType: 'channel', isGroup: true } }),
    teamId,
    channelId: channel.id,
    name: channelDisplayName(info.name, channel),
  }));
}
