import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, parseConfig } from './config';

const sandboxEnv = {
  APP_ENV: 'sandbox',
  GRAPH_BASE_URL: 'http://127.0.0.1:4100/v1.0/',
  BC_API_BASE_URL: 'http://127.0.0.1:4200/v2.0/t/production/api/v2.0',
  BOOKINGS_BUSINESS_ID: 'fysio@example.com',
  AUTH_MODE: 'static',
  STATIC_ACCESS_TOKEN: 'tok',
};

function problem(env: Record<string, string | undefined>): string {
  try {
    parseConfig(env, '/app');
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('applies defaults and detects the sandbox from loopback endpoints', () => {
    const c = parseConfig(sandboxEnv, '/app');
    expect(c.port).toBe(3978);
    expect(c.mode).toBe('sandbox');
    expect(c.store).toEqual({ kind: 'sqlite', file: '/app/.data/bookings.db' });
    expect(c.graph.baseUrl).toBe('http://127.0.0.1:4100/v1.0');
    expect(c.auth).toEqual({ mode: 'static', token: 'tok' });
  });

  it('runs a sandbox as of SANDBOX_CLOCK_START, and refuses it in live mode', () => {
    expect(parseConfig(sandboxEnv, '/app').clockStart).toBeUndefined();
    expect(parseConfig({ ...sandboxEnv, SANDBOX_CLOCK_START: '2028-02-29T12:00:00Z' }, '/app').clockStart?.toISOString()).toBe('2028-02-29T12:00:00.000Z');
    expect(problem({ ...sandboxEnv, SANDBOX_CLOCK_START: 'tomorrow' })).toMatch(/^Configuration error: SANDBOX_CLOCK_START must be an ISO 8601 date-time/);
    const live = { ...sandboxEnv, GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0', SANDBOX_CLOCK_START: '2028-02-29T12:00:00Z' };
    expect(problem(live)).toBe('Configuration error: SANDBOX_CLOCK_START is only allowed in sandbox mode');
  });

  it("shortens the clients' timeout with SANDBOX_HTTP_TIMEOUT_MS, in sandbox mode only", () => {
    expect(parseConfig(sandboxEnv, '/app').httpTimeoutMs).toBeUndefined();
    expect(parseConfig({ ...sandboxEnv, SANDBOX_HTTP_TIMEOUT_MS: '1500' }, '/app').httpTimeoutMs).toBe(1500);
    expect(problem({ ...sandboxEnv, SANDBOX_HTTP_TIMEOUT_MS: '5' })).toMatch(/^Configuration error: SANDBOX_HTTP_TIMEOUT_MS /);
    const live = { ...sandboxEnv, GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0', SANDBOX_HTTP_TIMEOUT_MS: '1500' };
    expect(problem(live)).toBe('Configuration error: SANDBOX_HTTP_TIMEOUT_MS is only allowed in sandbox mode');
  });

  it('selects PostgreSQL from a postgres:// DATABASE_URL', () => {
    const c = parseConfig({ ...sandboxEnv, DATABASE_URL: 'postgres://u@db:5432/x' }, '/app');
    expect(c.store).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/x' });
  });

  it('is live when Microsoft endpoints are configured, with msal credentials', () => {
    const c = parseConfig(
      {
        ...sandboxEnv,
        GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0',
        BC_API_BASE_URL: 'https://api.businesscentral.dynamics.com/v2.0/t/production/api/v2.0',
        AUTH_MODE: 'msal',
        AAD_TENANT_ID: 't',
        AAD_CLIENT_ID: 'c',
        AAD_CLIENT_SECRET: 's',
      },
      '/app',
    );
    expect(c.mode).toBe('live');
    expect(c.auth).toEqual({ mode: 'msal', tenantId: 't', clientId: 'c', clientSecret: 's' });
  });

  it('names the variable and the problem in one line', () => {
    expect(problem({ ...sandboxEnv, PORT: 'eighty' })).toBe('Configuration error: PORT must be a port number');
    expect(problem({ ...sandboxEnv, BC_API_BASE_URL: undefined })).toBe('Configuration error: BC_API_BASE_URL is required');
    expect(problem({ ...sandboxEnv, GRAPH_BASE_URL: 'ftp://x' })).toMatch(/^Configuration error: GRAPH_BASE_URL must be an http\(s\) URL$/);
    expect(problem({ ...sandboxEnv, AUTH_MODE: 'magic' })).toBe('Configuration error: AUTH_MODE must be msal or static');
    expect(problem({ ...sandboxEnv, AUTH_MODE: 'msal' })).toMatch(/^Configuration error: AAD_TENANT_ID is required when AUTH_MODE=msal/);
    expect(problem({ ...sandboxEnv, BC_COMPANY_ID: 'abc' })).toBe('Configuration error: BC_COMPANY_ID must be a company id (GUID)');
    expect(problem({ ...sandboxEnv, STATIC_ACCESS_TOKEN: undefined })).toMatch(/STATIC_ACCESS_TOKEN is required when AUTH_MODE=static/);
  });
});

describe('loadConfig', () => {
  it('layers env file, .user file and process environment, and treats empty values as unset', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
    mkdirSync(path.join(root, 'env'));
    writeFileSync(
      path.join(root, 'env', '.env.dev'),
      'PORT=4000\nGRAPH_BASE_URL=https://graph.microsoft.com/v1.0\nBC_API_BASE_URL=https://bc.example/api/v2.0\nBOOKINGS_BUSINESS_ID=b@x.dk\nAUTH_MODE=msal\nAAD_TENANT_ID=t\nAAD_CLIENT_ID=c\nBC_COMPANY_ID=\n',
    );
    writeFileSync(path.join(root, 'env', '.env.dev.user'), 'AAD_CLIENT_SECRET=from-user-file\nPORT=4001\n');
    const c = loadConfig({ APP_ENV: 'dev', PORT: '4002' }, root);
    expect(c.port).toBe(4002);
    expect(c.bc.companyId).toBeUndefined();
    expect(c.auth).toMatchObject({ mode: 'msal', clientSecret: 'from-user-file' });
  });

  it('reads the committed sandbox file by default', () => {
    const c = loadConfig({}, path.resolve(__dirname, '..', '..'));
    expect(c.mode).toBe('sandbox');
    expect(c.appEnv).toBe('sandbox');
  });
});

describe('security settings', () => {
  it('default to the public cloud, no first admin and no HOST', () => {
    expect(parseConfig(sandboxEnv, '/app')).toMatchObject({
      security: {
        entraAuthorityHost: 'https://login.microsoftonline.com',
        botOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
        bootstrapAdminOid: undefined,
      },
      host: undefined,
      trustedProxyHops: 0,
    });
  });

  it('take a national cloud, a first admin (lower case) and a HOST', () => {
    const c = parseConfig(
      {
        ...sandboxEnv,
        ENTRA_AUTHORITY_HOST: 'https://login.microsoftonline.us/',
        BOT_OPENID_METADATA_URL: 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration',
        BOOTSTRAP_ADMIN_OID: '6F1C0B1E-4A59-4A43-9A7E-2D3C1B0E9F11',
        HOST: '0.0.0.0',
        TRUSTED_PROXY_HOPS: '1',
      },
      '/app',
    );
    expect(c.security).toEqual({
      entraAuthorityHost: 'https://login.microsoftonline.us',
      botOpenIdMetadataUrl: 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration',
      bootstrapAdminOid: '6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11',
    });
    expect(c.host).toBe('0.0.0.0');
    expect(c.trustedProxyHops).toBe(1);
  });

  it('refuse a first admin given as an email', () => {
    expect(problem({ ...sandboxEnv, BOOTSTRAP_ADMIN_OID: 'anna@contoso.com' })).toMatch(/BOOTSTRAP_ADMIN_OID must be the first admin's Entra object id/);
  });
});
