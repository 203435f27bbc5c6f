import type { INetworkModule, NetworkResponse } from '@azure/msal-node';
import { sendJson, startTestServer, type TestServer } from '../testing/test-server';
import { createTokenProvider } from './create-token-provider';
import { MsalTokenProvider, type ClientCredentialClientFactory } from './msal-token-provider';
import { StaticTokenProvider } from './static-token-provider';
import { BUSINESS_CENTRAL_SCOPE, GRAPH_SCOPE, TokenError } from './token-provider';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('StaticTokenProvider', () => {
  it('gives its one token for every scope', async () => {
    const provider = createTokenProvider({ mode: 'static', token: 'sandbox-token' });
    expect(provider).toBeInstanceOf(StaticTokenProvider);
    expect(await provider.getToken(GRAPH_SCOPE)).toBe('sandbox-token');
    expect(await provider.getToken(BUSINESS_CENTRAL_SCOPE)).toBe('sandbox-token');
  });
});

describe('MsalTokenProvider with an injected client', () => {
  it('configures the tenant authority and asks for the scope it is given', async () => {
    const configs: unknown[] = [];
    const asked: string[][] = [];
    const factory: ClientCredentialClientFactory = (configuration) => {
      configs.push(configuration);
      return {
        acquireTokenByClientCredential: async ({ scopes }) => {
          asked.push(scopes);
          return { accessToken: `token-for-${scopes[0]}` };
        },
      };
    };
    const provider = createTokenProvider({ mode: 'msal', tenantId: TENANT, clientId: 'app-id', clientSecret: 's3cret' }, factory);
    expect(provider).toBeInstanceOf(MsalTokenProvider);
    expect(await provider.getToken(BUSINESS_CENTRAL_SCOPE)).toBe(`token-for-${BUSINESS_CENTRAL_SCOPE}`);
    expect(asked).toEqual([[BUSINESS_CENTRAL_SCOPE]]);
    expect(configs).toEqual([{ auth: { clientId: 'app-id', clientSecret: 's3cret', authority: `https://login.microsoftonline.com/${TENANT}` } }]);
  });

  it('makes its one client at the first request, shared by concurrent requests for any scope', async () => {
    let made = 0;
    const provider = new MsalTokenProvider({ tenantId: TENANT, clientId: 'app', clientSecret: 's3cret' }, async () => {
      made += 1;
      return { acquireTokenByClientCredential: async ({ scopes }) => ({ accessToken: `t:${scopes[0]}` }) };
    });
    expect(made).toBe(0);
    const tokens = await Promise.all([provider.getToken(GRAPH_SCOPE), provider.getToken(BUSINESS_CENTRAL_SCOPE), provider.getToken(GRAPH_SCOPE)]);
    expect(tokens).toEqual([`t:${GRAPH_SCOPE}`, `t:${BUSINESS_CENTRAL_SCOPE}`, `t:${GRAPH_SCOPE}`]);
    expect(made).toBe(1);
  });

  it('turns a failure or an empty result into a TokenError without the secret', async () => {
    const failing = new MsalTokenProvider({ tenantId: TENANT, clientId: 'app', clientSecret: 's3cret' }, () => ({
      acquireTokenByClientCredential: async () => {
        throw new Error('AADSTS7000215: Invalid client secret provided.');
      },
    }));
    const error = await failing.getToken(GRAPH_SCOPE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect((error as Error).message).toContain('AADSTS7000215');
    expect((error as Error).message).not.toContain('s3cret');

    const empty = new MsalTokenProvider({ tenantId: TENANT, clientId: 'app', clientSecret: 'x' }, () => ({
      acquireTokenByClientCredential: async () => null,
    }));
    await expect(empty.getToken(GRAPH_SCOPE)).rejects.toThrow(TokenError);
  });
});

describe('MsalTokenProvider against a local fake identity platform', () => {
  let server: TestServer;
  const authority = `https://login.microsoftonline.com/${TENANT}`;

  beforeAll(async () => {
    server = await startTestServer((req, res, body) => {
      const url = new URL(req.url ?? '', 'http://local');
      if (url.pathname.endsWith('/openid-configuration')) {
        return sendJson(res, 200, {
          token_endpoint: `${authority}/oauth2/v2.0/token`,
          authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
          issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
          jwks_uri: `${authority}/discovery/v2.0/keys`,
        });
      }
      if (url.pathname.endsWith('/discovery/instance')) {
        return sendJson(res, 200, {
          tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [
            {
              preferred_network: 'login.microsoftonline.com',
              preferred_cache: 'login.windows.net',
              aliases: ['login.microsoftonline.com', 'login.windows.net'],
            },
          ],
        });
      }
      if (url.pathname.endsWith('/oauth2/v2.0/token')) {
        const form = new URLSearchParams(body);
        return sendJson(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: `at:${form.get('scope')}` });
      }
      sendJson(res, 404, {});
    });
  });
  afterAll(() => server.close());

  // msal insists on an https authority; its transport is the seam that lets the requests reach our loopback server.
  const loopback = (): INetworkModule => {
    const forward = async <T>(url: string, init: RequestInit): Promise<NetworkResponse<T>> => {
      const target = new URL(url);
      const response = await fetch(`${server.url}${target.pathname}${target.search}`, init);
      return { status: response.status, headers: Object.fromEntries(response.headers), body: (await response.json()) as T };
    };
    return {
      sendGetRequestAsync: (url, options) => forward(url, { method: 'GET', headers: options?.headers }),
      sendPostRequestAsync: (url, options) => forward(url, { method: 'POST', headers: options?.headers, body: options?.body }),
    };
  };

  it('gets a token per scope by client credentials and serves repeats from its cache', async () => {
    const provider = new MsalTokenProvider({ tenantId: TENANT, clientId: 'app-id', clientSecret: 's3cret', networkClient: loopback() });
    expect(await provider.getToken(GRAPH_SCOPE)).toBe(`at:${GRAPH_SCOPE}`);
    expect(await provider.getToken(BUSINESS_CENTRAL_SCOPE)).toBe(`at:${BUSINESS_CENTRAL_SCOPE}`);
    await provider.getToken(GRAPH_SCOPE);

    const tokenRequests = server.requests.filter((r) => r.url.includes('/oauth2/v2.0/token'));
    expect(tokenRequests).toHaveLength(2);
    const form = new URLSearchParams(tokenRequests[0]!.body);
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_id')).toBe('app-id');
    expect(form.get('client_secret')).toBe('s3cret');
    expect(tokenRequests[0]!.url).toContain(`/${TENANT}/oauth2/v2.0/token`);
  });
});
