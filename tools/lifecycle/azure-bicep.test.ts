import { existsSync } from 'node:fs';
import path from 'node:path';
import { readBotAuthConfig } from '../../bot/edge/bot-auth-config';
import { readTabLinks } from '../../bot/edge/bot-settings';
import { readEntraSettings } from '../../server/api/auth/entra-settings';
import { parseConfig, PROJECT_ROOT } from '../../service/config/config';
import { loadEnv } from '../../service/config/env-files';
import { readText } from './lifecycle-files';

/**
 * infra/azure.bicep read as text (no Bicep CLI offline): its parameters, the App Service's settings and
 * the resources that matter, checked against the app's own configuration readers.
 */
const bicep = readText('infra/azure.bicep');
const parameters = JSON.parse(readText('infra/azure.parameters.json')) as { parameters: Record<string, { value: unknown }> };

const params = [...bicep.matchAll(/^(@secure\(\)\n)?param (\w+) (\w+)( = .+)?$/gm)].map((m) => ({
  name: m[2]!,
  secure: m[1] !== undefined,
  hasDefault: m[4] !== undefined,
}));

/** The `properties` of the appsettings resource, as setting name → Bicep expression. */
function appSettings(): Map<string, string> {
  const start = bicep.indexOf("name: 'appsettings'");
  const body = bicep.slice(bicep.indexOf('properties: {', start) + 'properties: {'.length, bicep.indexOf('\n  }\n}', start));
  return new Map([...body.matchAll(/^\s+(\w+): (.+)$/gm)].map((m) => [m[1]!, m[2]!.trim()]));
}

/** What the deployed parameters and resources would make of each non-literal setting. */
const DEPLOYED: Record<string, string> = {
  DATABASE_URL: '/home/data/bookings.db',
  BC_API_BASE_URL: 'https://api.businesscentral.dynamics.com/v2.0/72f988bf-86f1-41af-91ab-2d7cd011db47/production/api/v2.0',
  BC_COMPANY_ID: '',
  BOOKINGS_BUSINESS_ID: 'fysio@contoso.onmicrosoft.com',
  AAD_APP_CLIENT_ID: '0c5b7d3e-1f2a-4b6c-8d9e-0f1a2b3c4d5e',
  AAD_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  AAD_APP_CLIENT_SECRET: 'client secret from Key Vault',
  ALLOWED_TENANT_IDS: '',
  BOT_ID: '5f0e9a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
  BOT_PASSWORD: 'bot password from Key Vault',
  TEAMS_APP_ID: '3b9a7c51-2d4e-4f60-8a1b-9c0d1e2f3a4b',
  // Empty until the app is published to the org catalog.
  TEAMS_APP_PUBLISHED_APP_ID: '',
  TAB_ENDPOINT: 'https://bookings-invoicing-abc123.azurewebsites.net',
};

function deployedEnv(): Record<string, string> {
  const env: Record<string, string> = { PORT: '8080' };
  if (existsSync(path.join(PROJECT_ROOT, 'env', '.env.azure')))
    throw new Error('env/.env.azure must not exist: App Service settings are the whole configuration');
  for (const [name, expression] of appSettings()) {
    const literal = /^'([^'$]*)'$/.exec(expression);
    const value = literal ? literal[1] : DEPLOYED[name];
    if (value === undefined) throw new Error(`no deployed value for the app setting ${name} (${expression})`);
    env[name] = value;
  }
  return env;
}

describe('infra/azure.bicep', () => {
  it('is given every parameter it has no default for, and no other, by azure.parameters.json', () => {
    const given = Object.keys(parameters.parameters);
    expect(params.filter((p) => !p.hasDefault && !given.includes(p.name)).map((p) => p.name)).toEqual([]);
    expect(given.filter((name) => !params.some((p) => p.name === name))).toEqual([]);
  });

  it('takes secrets only as secure parameters and hands them to the app as Key Vault references', () => {
    expect(params.filter((p) => p.secure).map((p) => p.name)).toEqual(['aadAppClientSecret', 'botPassword', 'postgresAdminPassword']);
    const settings = appSettings();
    for (const secret of ['AAD_APP_CLIENT_SECRET', 'BOT_PASSWORD']) {
      expect([secret, settings.get(secret)]).toEqual([secret, expect.stringMatching(/^'@Microsoft\.KeyVault\(SecretUri=\$\{\w+\.properties\.secretUri\}\)'$/)]);
    }
    expect(settings.get('DATABASE_URL')).toMatch(/^usePostgres \? '@Microsoft\.KeyVault\(SecretUri=\$\{databaseUrlSecret\.properties\.secretUri\}\)' : /);
  });

  it('sets every app setting the app needs to start live: config, bot authentication, tab SSO, deep links', () => {
    // As the process reads it: the App Service's settings are its environment, and no env/.env.azure exists.
    const env = loadEnv(deployedEnv(), PROJECT_ROOT);
    const config = parseConfig(env, '/home/site/wwwroot');
    expect([config.mode, config.port, config.store, config.auth]).toEqual([
      'live',
      8080,
      { kind: 'sqlite', file: '/home/data/bookings.db' },
      { mode: 'msal', tenantId: DEPLOYED.AAD_APP_TENANT_ID, clientId: DEPLOYED.AAD_APP_CLIENT_ID, clientSecret: DEPLOYED.AAD_APP_CLIENT_SECRET },
    ]);
    expect(readBotAuthConfig(env, 'live')).toEqual({
      MicrosoftAppId: DEPLOYED.BOT_ID,
      MicrosoftAppPassword: DEPLOYED.BOT_PASSWORD,
      MicrosoftAppTenantId: DEPLOYED.AAD_APP_TENANT_ID,
      MicrosoftAppType: 'SingleTenant',
    });
    expect(readEntraSettings(env)).toMatchObject({ clientId: DEPLOYED.AAD_APP_CLIENT_ID, tabHost: 'bookings-invoicing-abc123.azurewebsites.net' });
    expect(readTabLinks(env, config.port).appId).toBe(DEPLOYED.TEAMS_APP_ID);
    // Once published, cards' deep links name the app by the org catalog's id.
    expect(readTabLinks({ ...env, TEAMS_APP_PUBLISHED_APP_ID: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b' }, config.port).appId).toBe(
      '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
    );
    // The process environment is the whole configuration: no env file is named azure.
    expect(env['APP_ENV']).toBe('azure');
  });

  it('runs one Node.js 22 LTS process on Linux, with a single-tenant Azure Bot on the Teams channel', () => {
    expect(bicep).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(bicep).toContain("appCommandLine: 'sh server/start.sh'");
    expect(bicep).toContain("kind: 'azurebot'");
    expect(bicep).toContain("msaAppType: 'SingleTenant'");
    expect(bicep).toContain("channelName: 'MsTeamsChannel'");
    expect(bicep).toContain("endpoint: '${tabEndpoint}/api/messages'");
    expect(bicep.match(/= if \(usePostgres\)/g)).toHaveLength(4);
  });

  it('has balanced braces, brackets and parentheses outside strings and comments', () => {
    const depth = { '{': 0, '[': 0, '(': 0 };
    const close: Record<string, keyof typeof depth> = { '}': '{', ']': '[', ')': '(' };
    let state: 'code' | 'string' | 'comment' = 'code';
    for (let i = 0; i < bicep.length; i++) {
      const ch = bicep[i]!;
      if (state === 'comment') state = ch === '\n' ? 'code' : 'comment';
      else if (state === 'string') {
        if (ch === '\\') i++;
        else if (ch === "'") state = 'code';
      } else if (ch === "'") state = 'string';
      else if (ch === '/' && bicep[i + 1] === '/') state = 'comment';
      else if (ch in depth) depth[ch as keyof typeof depth]++;
      else if (ch in close) expect(--depth[close[ch]!]).toBeGreaterThanOrEqual(0);
    }
    expect([state, depth]).toEqual(['code', { '{': 0, '[': 0, '(': 0 }]);
  });
});
