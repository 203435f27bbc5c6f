import { z } from 'zod';

/**
 * Bot Framework authentication, named as the Bot Framework SDK names it. In live mode an app id
 * and its credentials are required, so every request must carry a valid Bot Framework token; in
 * sandbox mode they may be absent and the adapter then accepts unauthenticated local requests
 * (the Agents Playground and the stand-in connector of the tests).
 */
const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const botAuthEnvSchema = z.object({
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppTenantId: optional,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
});

export interface BotAuthConfig {
  MicrosoftAppId?: string;
  MicrosoftAppPassword?: string;
  MicrosoftAppTenantId?: string;
  MicrosoftAppType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

export class BotAuthConfigError extends Error {
  override readonly name = 'BotAuthConfigError';
}

export function readBotAuthConfig(env: Record<string, string | undefined>, mode: 'sandbox' | 'live'): BotAuthConfig {
  const parsed = botAuthEnvSchema.safeParse({ ...env, MicrosoftAppType: env['MicrosoftAppType'] || undefined });
  if (!parsed.success) throw new BotAuthConfigError(`Bot configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  const e = parsed.data;
  const config: BotAuthConfig = {
    ...(e.MicrosoftAppId ? { MicrosoftAppId: e.MicrosoftAppId } : {}),
    ...(e.MicrosoftAppPassword ? { MicrosoftAppPassword: e.MicrosoftAppPassword } : {}),
    ...(e.MicrosoftAppTenantId ? { MicrosoftAppTenantId: e.MicrosoftAppTenantId } : {}),
    ...(e.MicrosoftAppType ? { MicrosoftAppType: e.MicrosoftAppType } : {}),
  };
  if (mode === 'live') {
    const type = config.MicrosoftAppType ?? 'MultiTenant';
    const missing = [
      ...(config.MicrosoftAppId ? [] : ['MicrosoftAppId']),
      ...(type !== 'UserAssignedMSI' && !config.MicrosoftAppPassword ? ['MicrosoftAppPassword'] : []),
      ...(type !== 'MultiTenant' && !config.MicrosoftAppTenantId ? ['MicrosoftAppTenantId'] : []),
    ];
    if (missing.length > 0) throw new BotAuthConfigError(`Bot configuration: live mode needs ${missing.join(', ')}`);
  }
  return config;
}
