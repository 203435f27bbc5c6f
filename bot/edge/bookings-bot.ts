import { type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type Activity, TeamsActivityHandler, TeamsInfo, type TurnContext } from 'botbuilder';
import { BadCardActionError, cardActionErrorWords, type BotActions, type GuestLookup, type Reply } from '../actions';
import { ADAPTIVE_CARD_CONTENT_TYPE, installGreetingCard, languageOf } from '../cards';
import type { ConversationStore } from '../../service/conversations';
import { handleInstallation } from '../installations';
import type { Logger } from '../../service/logging/logger';
import { conversationOf, conversationRecord, localeOfActivity, userOf } from './activity-request';
import { cardActivity } from './card-activity';
import { readTeamInfo, TEAM_CHANNEL_EVENTS } from './team-info';

function eventTypeOf(activity: Activity): string {
  const data: unknown = activity.channelData;
  const eventType = data !== null && typeof data === 'object' ? (data as { eventType?: unknown }).eventType : undefined;
  return typeof eventType === 'string' ? eventType : '';
}

function errorResponse(statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse {
  return { statusCode, type: 'application/vnd.microsoft.error', value: { code, message } };
}

/** The Teams activity handler: translates turns into BotActions calls and their answers back into activities. */
export class BookingsBot extends TeamsActivityHandler {
  constructor(
    private readonly actions: BotActions,
    private readonly conversations: ConversationStore,
    private readonly logger: Logger,
  ) {
    super();
  }

  protected override async onMessageActivity(context: TurnContext): Promise<void> {
    await this.conversations.upsert(conversationRecord(context));
    const reply: Reply = {
      card: async (card) => (await context.sendActivity(cardActivity(card)))?.id ?? '',
      text: async (text) => (await context.sendActivity(text))?.id ?? '',
    };
    await this.actions.message(
      {
        text: context.activity.text ?? '',
        user: userOf(context.activity),
        conversation: conversationOf(context.activity),
        locale: localeOfActivity(context.activity),
      },
      reply,
      this.guestOf(context),
    );
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    try {
      await this.conversations.upsert(conversationRecord(context));
      // The handler's parsed value drops `trigger`, so it is read from the activity itself.
      const raw: unknown = context.activity.value;
      const trigger = raw !== null && typeof raw === 'object' && (raw as { trigger?: unknown }).trigger === 'automatic' ? 'automatic' : 'manual';
      const card = await this.actions.cardAction(
        {
          verb: value.action.verb ?? '',
          data: value.action.data,
          trigger,
          user: userOf(context.activity),
          conversation: conversationOf(context.activity),
          replyToId: context.activity.replyToId ?? null,
          locale: localeOfActivity(context.activity),
        },
        this.guestOf(context),
      );
      return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card };
    } catch (err) {
      const words = cardActionErrorWords(err, languageOf(localeOfActivity(context.activity)));
      if (err instanceof BadCardActionError) {
        this.logger.warn({ err }, 'card action refused');
        return errorResponse(400, 'BadRequest', words);
      }
      this.logger.error({ err }, 'card action failed');
      return errorResponse(500, 'InternalServerError', words);
    }
  }

  protected override async onConversationUpdateActivity(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const botId = activity.recipient?.id;
    if (activity.membersAdded?.some((m) => m.id === botId)) {
      await this.installed(context);
    } else if (activity.membersRemoved?.some((m) => m.id === botId)) {
      await handleInstallation(this.conversations, this.uninstalled(activity));
    } else if (conversationOf(activity).teamId !== null && TEAM_CHANNEL_EVENTS.has(eventTypeOf(activity))) {
      const team = await readTeamInfo(context, this.logger);
      if (team) await handleInstallation(this.conversations, { kind: 'teamChanged', conversation: conversationRecord(context), team });
    }
    await super.onConversationUpdateActivity(context);
  }

  protected override async onInstallationUpdateActivity(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const action = activity.action ?? '';
    if (action.startsWith('add')) {
      await this.installed(context);
    } else if (action.startsWith('remove')) {
      await handleInstallation(this.conversations, this.uninstalled(activity));
    }
    await super.onInstallationUpdateActivity(context);
  }

  /** In a team, the bot is installed in each of its channels: their list is read now. */
  private async installed(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const conversation = conversationRecord(context, activity.from?.aadObjectId ?? activity.from?.id ?? null);
    const team = conversation.teamId === null ? undefined : await readTeamInfo(context, this.logger);
    // Teams announces one install twice (conversationUpdate and installationUpdate): greet the first.
    const known = (await this.conversations.get(conversation.id)) !== undefined;
    await handleInstallation(this.conversations, { kind: 'installed', conversation, ...(team ? { team } : {}) });
    if (!known) await this.greet(context, conversation.conversationType);
  }

  private async greet(context: TurnContext, conversationType: string): Promise<void> {
    const scope = conversationType === 'personal' ? 'personal' : conversationType === 'groupChat' ? 'groupChat' : 'channel';
    try {
      await context.sendActivity(cardActivity(installGreetingCard(scope, localeOfActivity(context.activity), this.actions.services.tab)));
    } catch (err) {
      // A greeting that cannot be sent must not undo the install that was just recorded.
      this.logger.warn({ err }, 'could not send the install greeting');
    }
  }

  private uninstalled(activity: Activity) {
    const info = conversationOf(activity);
    return { kind: 'uninstalled' as const, conversationId: info.id, teamId: info.teamId };
  }

  /** Whether the user is a guest is not in the activity: asked of Teams when a role decision needs it; unknown counts as guest. */
  private guestOf(context: TurnContext): GuestLookup {
    return async () => {
      try {
        const member = await TeamsInfo.getMember(context, context.activity.from.id);
        return member.userRole === 'guest';
      } catch (err) {
        this.logger.warn({ err }, 'could not read the user from Teams');
        return true;
      }
    };
  }
}
