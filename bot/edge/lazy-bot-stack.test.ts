import { silentLogger } from '../../service/logging/logger';
import type { ConversationStore } from '../../service/conversations';
import type { BotActions } from '../actions';
import { UnknownConversationError } from './adapter-messenger';
import { BookingsBot } from './bookings-bot';
import { lazyBotStack } from './lazy-bot-stack';

describe('the bot stack loaded at first use', () => {
  const settings = (conversations: Partial<ConversationStore>) => ({
    auth: {},
    urls: {},
    tenants: { home: undefined, allowed: new Set<string>(), anyInSandbox: true },
    mode: 'sandbox' as const,
    logger: silentLogger,
    conversations: conversations as ConversationStore,
  });

  it('builds nothing until asked, then one stack for every request and card', async () => {
    let built = 0;
    const actions = () => {
      built += 1;
      return {} as BotActions;
    };
    const asked: string[] = [];
    const stack = lazyBotStack(settings({ get: async (id: string) => void asked.push(id) }), actions);
    expect(built).toBe(0);

    const [a, b] = await Promise.all([stack.turns(), stack.turns()]);
    expect(a).toBe(b);
    expect(a.bot).toBeInstanceOf(BookingsBot);
    // The sandbox's bot has no app id: no token to check.
    expect(a.authenticate).toBeUndefined();

    // The messenger is the stack's: it looks the conversation up and refuses one the bot is not in.
    await expect(stack.messenger.send('a:unknown', { type: 'AdaptiveCard', version: '1.5' })).rejects.toBeInstanceOf(UnknownConversationError);
    expect(asked).toEqual(['a:unknown']);
    expect(built).toBe(1);
  });
});
