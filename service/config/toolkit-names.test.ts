import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from './config-error';
import { loadEnv } from './env-files';
import { applyToolkitNames } from './toolkit-names';

const CLIENT = '0c5b7d3e-1f2a-4b6c-8d9e-0f1a2b3c4d5e';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT = '5f0e9a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b';

test('the toolkit names fill the app settings the SDKs read', () => {
  const env = applyToolkitNames({
    BOT_ID: BOT,
    SECRET_BOT_PASSWORD: 'bot-secret',
    AAD_APP_CLIENT_ID: CLIENT,
    SECRET_AAD_APP_CLIENT_SECRET: 'aad-secret',
    AAD_APP_TENANT_ID: TENANT,
  });
  expect(env).toMatchObject({
    MicrosoftAppId: BOT,
    MicrosoftAppPassword: 'bot-secret',
    MicrosoftAppTenantId: TENANT,
    AAD_CLIENT_ID: CLIENT,
    AAD_CLIENT_SECRET: 'aad-secret',
    AAD_TENANT_ID: TENANT,
  });
});

test('a SECRET_ name beats its plain twin; the same value under both names is accepted', () => {
  expect(applyToolkitNames({ SECRET_BOT_PASSWORD: 'a', BOT_PASSWORD: 'b' })['MicrosoftAppPassword']).toBe('a');
  expect(applyToolkitNames({ BOT_PASSWORD: 'b' })['MicrosoftAppPassword']).toBe('b');
  expect(applyToolkitNames({ AAD_CLIENT_ID: CLIENT, AAD_APP_CLIENT_ID: CLIENT })['AAD_CLIENT_ID']).toBe(CLIENT);
});

test('two names for one setting with different values stop start-up, naming both', () => {
  const conflict = () => applyToolkitNames({ AAD_CLIENT_ID: CLIENT, AAD_APP_CLIENT_ID: BOT });
  expect(conflict).toThrow(ConfigError);
  expect(conflict).toThrow('Configuration error: AAD_CLIENT_ID and AAD_APP_CLIENT_ID are both set, to different values; keep one');
});

test('loadEnv maps what the toolkit wrote into env/.env.<name> and its .user file', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'toolkit-names-'));
  mkdirSync(path.join(root, 'env'));
  writeFileSync(path.join(root, 'env', '.env.dev'), `TEAMSFX_ENV=dev\nBOT_ID=${BOT}\nAAD_APP_CLIENT_ID=${CLIENT}\nAAD_APP_TENANT_ID=${TENANT}\n`);
  writeFileSync(path.join(root, 'env', '.env.dev.user'), 'SECRET_BOT_PASSWORD=p\nSECRET_AAD_APP_CLIENT_SECRET=s\n');
  const env = loadEnv({ APP_ENV: 'dev' }, root);
  expect([env['MicrosoftAppId'], env['MicrosoftAppPassword'], env['AAD_CLIENT_ID'], env['AAD_CLIENT_SECRET'], env['AAD_TENANT_ID']]).toEqual([
    BOT,
    'p',
    CLIENT,
    's',
    TENANT,
  ]);
});
