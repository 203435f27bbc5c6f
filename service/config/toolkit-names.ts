import { ConfigError } from './config-error';
import type { Env } from './env-files';

/**
 * The Microsoft 365 Agents Toolkit writes its outputs (env/.env.<name>, and the App Service settings
 * that infra/azure.bicep sets) under its own names; the app reads the names its SDKs use. This table
 * is the one place the two meet: each app setting, and the toolkit names that may carry it (first
 * found wins, so a `SECRET_` name from a `.user` file beats its plain twin).
 */
export const TOOLKIT_NAMES = {
  MicrosoftAppId: ['BOT_ID'],
  MicrosoftAppPassword: ['SECRET_BOT_PASSWORD', 'BOT_PASSWORD'],
  MicrosoftAppTenantId: ['AAD_APP_TENANT_ID'],
  AAD_CLIENT_ID: ['AAD_APP_CLIENT_ID'],
  AAD_CLIENT_SECRET: ['SECRET_AAD_APP_CLIENT_SECRET', 'AAD_APP_CLIENT_SECRET'],
  AAD_TENANT_ID: ['AAD_APP_TENANT_ID'],
} as const satisfies Record<string, readonly string[]>;

/**
 * Fills each app setting that is unset from its toolkit name. Both set to the same value is fine (the
 * App Service may carry both); both set to different values is an error, never a silent choice.
 */
export function applyToolkitNames(env: Env): Env {
  const out: Env = { ...env };
  for (const [variable, aliases] of Object.entries(TOOLKIT_NAMES)) {
    const alias = aliases.find((name) => env[name] !== undefined && env[name] !== '');
    if (alias === undefined) continue;
    const own = env[variable];
    if (own === undefined || own === '') out[variable] = env[alias];
    else if (own !== env[alias]) throw new ConfigError(variable, `and ${alias} are both set, to different values; keep one`);
  }
  return out;
}
