import { z } from 'zod';
import { ConfigError } from '../../../service/config/config';
import type { Env } from '../../../service/config/env-files';

/** Who may present tokens to the tab API, and for which audiences (see DESIGN.md section 7). */
export interface EntraSettings {
  /** The app registration's client id: the audience of v2 tokens. */
  clientId: string;
  /** Tenants whose users may sign in (lower case): AAD_TENANT_ID first, then ALLOWED_TENANT_IDS. */
  tenantIds: string[];
  /** Host (and port, if any) of TAB_ENDPOINT: the App ID URI is `api://<tabHost>/<clientId>`. */
  tabHost?: string;
}

const guid = (what: string) => z.guid({ error: `must be ${what} (a GUID)` });
const optional = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

const settingsSchema = z.object({
  AAD_CLIENT_ID: guid('the app registration client id').optional(),
  // The token's tid is always a GUID, so a tenant domain name here could never match.
  AAD_TENANT_ID: guid('the tenant id, not its domain name,').optional(),
  TAB_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  ALLOWED_TENANT_IDS: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    )
    .pipe(z.array(guid('a comma-separated list of tenant ids'))),
});

/**
 * Token verification settings from the environment (the same env files + process environment the
 * Config is read from), or undefined when AAD_CLIENT_ID or AAD_TENANT_ID is unset. A value set but
 * malformed is a ConfigError: better to stop at start-up than to refuse every sign-in.
 */
export function readEntraSettings(env: Env): EntraSettings | undefined {
  const parsed = settingsSchema.safeParse({
    AAD_CLIENT_ID: optional(env['AAD_CLIENT_ID']),
    AAD_TENANT_ID: optional(env['AAD_TENANT_ID']),
    TAB_ENDPOINT: optional(env['TAB_ENDPOINT']),
    ALLOWED_TENANT_IDS: env['ALLOWED_TENANT_IDS'] ?? '',
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const e = parsed.data;
  if (e.AAD_CLIENT_ID === undefined || e.AAD_TENANT_ID === undefined) return undefined;
  const tenantIds = [...new Set([e.AAD_TENANT_ID, ...e.ALLOWED_TENANT_IDS].map((id) => id.toLowerCase()))];
  return {
    clientId: e.AAD_CLIENT_ID,
    tenantIds,
    ...(e.TAB_ENDPOINT ? { tabHost: new URL(e.TAB_ENDPOINT).host } : {}),
  };
}
