import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { CardMessenger } from '../actions';
import type { AdaptiveCardJson } from '../cards';
import type { ConversationStore } from '../installations';
import { cardActivity } from './card-activity';

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

/** Proactive sends and edits through the adapter, from the reference stored at install. */
export class AdapterMessenger implements CardMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly conversations: ConversationStore,
  ) {}

  async send(conversationId: string, card: AdaptiveCardJson): Promise<string> {
    let id = '';
    await this.adapter.continueConversationAsync(this.appId, await this.reference(conversationId), async (context) => {
      id = (await context.sendActivity(cardActivity(card)))?.id ?? '';
    });
    return id;
  }

  async update(conversationId: string, activityId: string, card: AdaptiveCardJson): Promise<void> {
    await this.adapter.continueConversationAsync(this.appId, await this.reference(conversationId), async (context) => {
      await context.updateActivity({ ...cardActivity(card), id: activityId });
    });
  }

  private async reference(conversationId: string): Promise<Partial<ConversationReference>> {
    const stored = await this.conversations.get(conversationId);
    if (!stored) throw new UnknownConversationError(conversationId);
    // Stored by getConversationReference itself; the schema checks what a send needs.
    return referenceSchema.parse(JSON.parse(stored.reference)) as unknown as Partial<ConversationReference>;
  }
}
