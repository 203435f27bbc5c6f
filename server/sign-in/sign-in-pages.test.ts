import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import restify from 'restify';
import { listen } from '../http-server';
import { registerSignInPages, type SignInPagesOptions } from './sign-in-pages';
import { readSignInSettings } from './sign-in-settings';

const CLIENT_ID = '0c6d7e8f-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
const HOME = '6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c';
const PARTNER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const OTHER = '11111111-2222-4333-8444-555555555555';
const ENV = { AAD_CLIENT_ID: CLIENT_ID, AAD_TENANT_ID: HOME, ALLOWED_TENANT_IDS: PARTNER, TAB_ENDPOINT: 'https://bookings.contoso.example/' };

async function serve(options: SignInPagesOptions) {
  const server = restify.createServer();
  registerSignInPages(server, options);
  const origin = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  return { origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('the SSO consent window pages', () => {
  const tabDir = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-end-'));
  fs.writeFileSync(path.join(tabDir, 'auth-end.html'), '<!doctype html><script type="module" src="/assets/auth-end-x.js"></script>');
  let app: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    app = await serve({ settings: readSignInSettings(ENV, 'https://login.example/'), tabDir });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(tabDir, { recursive: true, force: true });
  });

  it("/auth-start sends the user to the authority host's authorize endpoint of their tenant, code in the fragment", async () => {
    const response = await fetch(`${app.origin}/auth-start?state=0123456789abcdef&tenant=${PARTNER}&loginHint=ada%40contoso.example`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`https://login.example/${PARTNER}/oauth2/v2.0/authorize`);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      client_id: CLIENT_ID,
      response_type: 'code',
      response_mode: 'fragment',
      redirect_uri: 'https://bookings.contoso.example/auth-end',
      scope: `api://bookings.contoso.example/${CLIENT_ID}/access_as_user openid profile`,
      state: '0123456789abcdef',
      login_hint: 'ada@contoso.example',
    });
  });

  it('never sends a tenant that is not allowed to Entra: the home tenant instead', async () => {
    const response = await fetch(`${app.origin}/auth-start?state=0123456789abcdef&tenant=${OTHER}`, { redirect: 'manual' });
    expect(new URL(response.headers.get('location')!).pathname).toBe(`/${HOME}/oauth2/v2.0/authorize`);
  });

  it.each(['', '?state=short', '?state=0123456789abcdef&extra=1', '?state=0123456789abcdef&tenant=contoso.example'])(
    '/auth-start%s is refused with 400',
    async (query) => expect((await fetch(`${app.origin}/auth-start${query}`, { redirect: 'manual' })).status).toBe(400),
  );

  it('/auth-end serves the built page, without a referrer', async () => {
    const response = await fetch(`${app.origin}/auth-end`);
    expect([response.status, response.headers.get('content-type'), response.headers.get('referrer-policy')]).toEqual([
      200,
      'text/html; charset=utf-8',
      'no-referrer',
    ]);
    expect(await response.text()).toContain('/assets/auth-end-x.js');
  });

  it('without Entra settings (the sandbox) both pages answer 404', async () => {
    const bare = await serve({ settings: undefined, tabDir });
    try {
      expect([
        (await fetch(`${bare.origin}/auth-start?state=0123456789abcdef`, { redirect: 'manual' })).status,
        (await fetch(`${bare.origin}/auth-end`)).status,
      ]).toEqual([404, 404]);
    } finally {
      await bare.close();
    }
  });

  it('has no settings until the client id, tenant and tab endpoint are all set', () => {
    expect(readSignInSettings({ ...ENV, TAB_ENDPOINT: '' })).toBeUndefined();
    expect(readSignInSettings({ ...ENV, AAD_CLIENT_ID: undefined })).toBeUndefined();
    expect(readSignInSettings(ENV)?.authorityHost).toBe('https://login.microsoftonline.com');
  });
});
