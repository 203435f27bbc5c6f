import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';
import { cardLocaleOf, type BotUser, type ConversationInfo } from '../actions';
import type { ConversationRecord } from '../../service/conversations';

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string };
  channel?: { id?: string };
}

function channelData(activity: Partial<Activity>): TeamsChannelData {
  const data: unknown = activity.channelData;
  return data !== null && typeof data === 'object' ? data : {};
}

export function userOf(activity: Partial<Activity>): BotUser {
  return { id: activity.from?.id ?? '', name: activity.from?.name ?? '', aadObjectId: activity.from?.aadObjectId ?? null };
}

export function conversationOf(activity: Partial<Activity>): ConversationInfo {
  const data = channelData(activity);
  return {
    id: activity.conversation?.id ?? '',
    type: activity.conversation?.conversationType ?? 'personal',
    tenantId: activity.conversation?.tenantId ?? data.tenant?.id ?? '',
    teamId: data.team?.id ?? null,
    channelId: data.channel?.id ?? null,
  };
}

export const localeOfActivity = (activity: Partial<Activity>) => cardLocaleOf(activity.locale);

/** The conversation as the bot keeps it: enough to post and edit there later, outside any turn. */
export function conversationRecord(context: TurnContext, installedBy?: string | null): ConversationRecord {
  const activity = context.activity;
  const info = conversationOf(activity);
  const reference: Partial<ConversationReference> = TurnContext.getConversationReference(activity);
  return {
    id: info.id,
    tenantId: info.tenantId,
    serviceUrl: activity.serviceUrl,
    conversationType: info.type,
    reference: JSON.stringify(reference),
    teamId: info.teamId,
    channelId: info.channelId,
    ...(installedBy === undefined ? {} : { installedBy }),
    ...nameOf(activity, info),
  };
}

/** A chat's name as the activity tells it; a channel's comes from the team's channel list. */
function nameOf(activity: Partial<Activity>, info: ConversationInfo): { name?: string } {
  const name = info.type === 'personal' ? activity.from?.name : info.type === 'groupChat' ? activity.conversation?.name : undefined;
  return name ? { name } : {};
}
