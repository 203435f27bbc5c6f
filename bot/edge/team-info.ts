import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { TeamInfo } from '../installations';
import type { Logger } from '../../service/logging/logger';

/** The channel events after which a team's stored channels are read again. */
export const TEAM_CHANNEL_EVENTS: ReadonlySet<string> = new Set(['channelCreated', 'channelRenamed', 'channelDeleted', 'teamRenamed']);

function teamNameOf(context: TurnContext): string | null {
  const data: unknown = context.activity.channelData;
  const team = data !== null && typeof data === 'object' ? (data as { team?: { name?: unknown } }).team : undefined;
  return typeof team?.name === 'string' && team.name !== '' ? team.name : null;
}

/**
 * The team's name and channels, asked of Teams; undefined when Teams does not answer (the team's
 * own conversation is stored all the same, and the next channel event tries again).
 */
export async function readTeamInfo(context: TurnContext, logger: Logger): Promise<TeamInfo | undefined> {
  try {
    const listed = (await TeamsInfo.getTeamChannels(context)) ?? [];
    const channels = listed.flatMap((c) => (c.id ? [{ id: c.id, name: c.name ?? null }] : []));
    const name = teamNameOf(context) ?? (await TeamsInfo.getTeamDetails(context)).name ?? null;
    return { name, channels };
  } catch (err) {
    logger.warn({ err }, 'could not read the team and its channels from Teams');
    return undefined;
  }
}
