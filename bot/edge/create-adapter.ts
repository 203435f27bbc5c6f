import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Logger } from '../../service/logging/logger';
import type { BotAuthConfig } from './bot-auth-config';

/** The Bot Framework adapter: verifies inbound tokens (when an app id is configured) and authenticates outbound calls. */
export function createAdapter(auth: BotAuthConfig, logger: Logger): CloudAdapter {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ ...auth }));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type, name: context.activity.name }, 'bot turn failed');
  };
  return adapter;
}
