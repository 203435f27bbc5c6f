import { ConfigError } from '../../../service/config/config';
import { readEntraSettings } from './entra-settings';

const TENANT = '72F988BF-86F1-41AF-91AB-2D7CD011DB47';
const CLIENT = '0c5b7d3e-1f2a-4b6c-8d9e-0f1a2b3c4d5e';

test('without AAD_CLIENT_ID or AAD_TENANT_ID: no verification settings', () => {
  expect(readEntraSettings({})).toBeUndefined();
  expect(readEntraSettings({ AAD_CLIENT_ID: CLIENT, AAD_TENANT_ID: '' })).toBeUndefined();
});

test('the tenant, extra tenants in lower case without repeats, and the tab host with its port', () => {
  const settings = readEntraSettings({
    AAD_CLIENT_ID: CLIENT,
    AAD_TENANT_ID: TENANT,
    TAB_ENDPOINT: 'https://localhost:53000/',
    ALLOWED_TENANT_IDS: ` 0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6, ,${TENANT.toLowerCase()}`,
  });
  expect(settings).toEqual({
    clientId: CLIENT,
    tenantIds: [TENANT.toLowerCase(), '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6'],
    tabHost: 'localhost:53000',
  });
});

test('a malformed value is a ConfigError naming the variable', () => {
  const bad = (env: Record<string, string>) => () => readEntraSettings({ AAD_CLIENT_ID: CLIENT, AAD_TENANT_ID: TENANT, ...env });
  expect(bad({ AAD_TENANT_ID: 'contoso.onmicrosoft.com' })).toThrow(ConfigError);
  expect(bad({ AAD_TENANT_ID: 'contoso.onmicrosoft.com' })).toThrow(/AAD_TENANT_ID must be the tenant id/);
  expect(bad({ TAB_ENDPOINT: 'tab.contoso.com' })).toThrow(/TAB_ENDPOINT/);
  expect(bad({ ALLOWED_TENANT_IDS: 'fabrikam.com' })).toThrow(/ALLOWED_TENANT_IDS/);
});
