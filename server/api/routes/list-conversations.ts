import type { StoredConversation } from '../../../service/conversations';
import type { ConversationKind, ConversationsResponse } from '../../../contract/api-contract';
import { defineRoute, ok } from '../route';
import { compareDanish } from '../../../service/domain/collation';
import { API } from '../../../contract/endpoints';

function kindOf(conversation: StoredConversation): ConversationKind {
  if (conversation.conversationType === 'personal') return 'personal';
  return conversation.conversationType === 'channel' || conversation.teamId !== null ? 'channel' : 'groupChat';
}

/** A personal chat's stored name is its user's; a group chat's and a channel's are whole names already. */
function readableName(conversation: StoredConversation, kind: ConversationKind): string {
  const name = conversation.name?.trim();
  if (!name) return conversation.id;
  return kind === 'personal' ? `Personal chat with ${name}` : name;
}

/** Where the app is installed, for the setup's choice of who gets the daily summary. */
export const listConversations = defineRoute(API.conversations, {
  role: 'reader',
  async handle({ services }) {
    const stored = await services.conversations.installed();
    const conversations = stored.map((c) => {
      const type = kindOf(c);
      return { id: c.id, type, name: readableName(c, type), lastPost: c.lastPost };
    });
    conversations.sort((a, b) => compareDanish(a.name, b.name) || compareDanish(a.id, b.id));
    const response: ConversationsResponse = { conversations };
    return ok(response);
  },
});
