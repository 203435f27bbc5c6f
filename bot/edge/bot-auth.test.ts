import restify from 'restify';
import { silentLogger } from '../../service/logging/logger';
import { BotActions, type BotServices } from '../actions';
import { ConversationStore } from '../../service/conversations';
import { AdapterMessenger } from './adapter-messenger';
import { BotAuthConfigError, readBotAuthConfig } from './bot-auth-config';
import { BookingsBot } from './bookings-bot';
import { createAdapter } from './create-adapter';
import { mountBot } from './mount-bot';

describe('Bot Framework authentication', () => {
  it('requires the app id and password in live mode, not in the sandbox', () => {
    expect(() => readBotAuthConfig({}, 'live')).toThrow(BotAuthConfigError);
    expect(() => readBotAuthConfig({ MicrosoftAppId: 'id', MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'p' }, 'live')).toThrow(
      /MicrosoftAppTenantId/,
    );
    expect(readBotAuthConfig({}, 'sandbox')).toEqual({});
    expect(readBotAuthConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p' }, 'live')).toEqual({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p' });
  });

  it('answers 401 to a request without a Bot Framework token when an app id is configured', async () => {
    const auth = readBotAuthConfig({ MicrosoftAppId: '4f1c2a9e-0000-4000-8000-000000000001', MicrosoftAppPassword: 'secret' }, 'live');
    const bot = createAdapter(auth, silentLogger);
    const tenants = { home: undefined, allowed: new Set<string>(), anyInSandbox: false };
    const handled: string[] = [];
    // Any turn reaching the actions would be a failure: the fake records it.
    const services = { logger: silentLogger } as unknown as BotServices;
    const actions = new BotActions(services, new AdapterMessenger(bot.adapter, auth.MicrosoftAppId ?? '', {} as ConversationStore, { tenants, mode: 'live' }));
    actions.message = async () => void handled.push('message');
    const conversations = { upsert: async () => undefined } as unknown as ConversationStore;
    const server = restify.createServer();
    const turns = { ...bot, bot: new BookingsBot(actions, conversations, silentLogger) };
    mountBot(server, { tenants, mode: 'live', logger: silentLogger }, async () => turns);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${server.address().port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: 'm1',
          text: 'invoice yesterday',
          channelId: 'msteams',
          serviceUrl: 'http://127.0.0.1:1/',
          from: { id: '29:x' },
          recipient: { id: '28:bot' },
          conversation: { id: 'a:c' },
        }),
      });
      expect(res.status).toBe(401);
      expect(handled).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
