import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Logger } from '../../service/logging/logger';
import type { BotAuthConfig } from './bot-auth-config';

export interface BotAdapter {
  adapter: CloudAdapter;
  /** Checks a request's Bot Framework token before its body is read; undefined when the sandbox runs without an app id. */
  authenticate: ((authHeader: string) => Promise<void>) | undefined;
}

export interface AdapterUrls {
  /** BOT_OPENID_METADATA_URL: where the Bot Framework's signing keys are found (national clouds, tests). */
  openIdMetadataUrl?: string;
}

/** The Bot Framework adapter: verifies inbound tokens (when an app id is configured) and authenticates outbound calls. */
export function createAdapter(auth: BotAuthConfig, logger: Logger, urls: AdapterUrls = {}): BotAdapter {
  const authentication = new ConfigurationBotFrameworkAuthentication({
    ...auth,
    ...(urls.openIdMetadataUrl ? { ToBotFromChannelOpenIdMetadataUrl: urls.openIdMetadataUrl } : {}),
  });
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type, name: context.activity.name }, 'bot turn failed');
  };
  const authenticate =
    auth.MicrosoftAppId === undefined
      ? undefined
      : async (authHeader: string) => {
          // Teams is the only channel this bot serves; its keys are endorsed for 'msteams'.
          await authentication.authenticateStreamingRequest(authHeader, 'msteams');
        };
  return { adapter, authenticate };
}
