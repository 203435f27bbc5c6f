import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { isAllowedTenant, type Tenants } from '../../service/identity/tenants';
import type { CardMessenger } from '../actions';
import type { AdaptiveCardJson } from '../cards';
import type { ConversationStore } from '../../service/conversations';
import { cardActivity } from './card-activity';
import { isAllowedServiceUrl } from './service-urls';

const referenceSchema = z
  .object({
    serviceUrl: z.string(),
    channelId: z.string().optional(),
    conversation: z.object({ id: z.string() }).loose(),
  })
  .loose();

export class UnknownConversationError extends Error {
  override readonly name = 'UnknownConversationError';
  constructor(readonly conversationId: string) {
    super(`the bot is not installed in conversation ${conversationId}`);
  }
}

/** A stored conversation the bot must not post to (its tenant is no longer allowed, or its serviceUrl is not the Bot Framework's). */
export class ConversationRefusedError extends Error {
  override readonly name = 'ConversationRefusedError';
  constructor(
    readonly conversationId: string,
    readonly reason: 'tenant' | 'serviceUrl',
  ) {
    super(`the bot does not post to conversation ${conversationId}: its ${reason} is not allowed`);
  }
}

export interface MessengerPolicy {
  tenants: Tenants;
  mode: 'sandbox' | 'live';
}

/** Proactive sends and edits through the adapter, from the reference stored at install. */
export class AdapterMessenger implements CardMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly conversations: ConversationStore,
    private readonly policy: MessengerPolicy,
  ) {}

  async send(conversationId: string, card: AdaptiveCardJson): Promise<string> {
    let id = '';
    await this.run(conversationId, async (context) => {
      id = (await context.sendActivity(cardActivity(card)))?.id ?? '';
    });
    return id;
  }

  async update(conversationId: string, activityId: string, card: AdaptiveCardJson): Promise<void> {
    await this.run(conversationId, async (context) => {
      await context.updateActivity({ ...cardActivity(card), id: activityId });
    });
  }

  /**
   * The adapter hands an error in the callback to its onTurnError, which logs it and returns: the
   * send would look successful. The error is kept here and thrown to the caller instead.
   */
  private async run(conversationId: string, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: { error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.appId, await this.reference(conversationId), async (context) => {
      try {
        await logic(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
  }

  private async reference(conversationId: string): Promise<Partial<ConversationReference>> {
    const stored = await this.conversations.get(conversationId);
    if (!stored) throw new UnknownConversationError(conversationId);
    if (!isAllowedTenant(this.policy.tenants, stored.tenantId)) throw new ConversationRefusedError(conversationId, 'tenant');
    // Stored by getConversationReference itself; the schema checks what a send needs.
    const reference = referenceSchema.parse(JSON.parse(stored.reference));
    if (!isAllowedServiceUrl(reference.serviceUrl, this.policy.mode)) throw new ConversationRefusedError(conversationId, 'serviceUrl');
    return reference as unknown as Partial<ConversationReference>;
  }
}
