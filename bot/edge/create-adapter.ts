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

/**
 * The public cloud's Bot Framework endpoints, as the SDK's built-in defaults name them
 * (botframework-connector's AuthenticationConstants). Setting any one endpoint makes the SDK drop
 * all of its defaults (the token issuer, the login URL for replies...), after which every channel
 * token is refused: so when the metadata URL is configured, the rest is given with it.
 */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: 'urn:botframework:azure',
};

/** The Bot Framework adapter: verifies inbound tokens (when an app id is configured) and authenticates outbound calls. */
export function createAdapter(auth: BotAuthConfig, logger: Logger, urls: AdapterUrls = {}): BotAdapter {
  const authentication = new ConfigurationBotFrameworkAuthentication({
    ...auth,
    ...(urls.openIdMetadataUrl ? { ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: urls.openIdMetadataUrl } : {}),
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
