import fs from 'node:fs';
import path from 'node:path';
import type restify from 'restify';
import { PROJECT_ROOT } from '../../service/config/config';
import { loadEnv } from '../../service/config/env-files';
import { authorizeUrl, authStartQuerySchema } from './authorize-url';
import { readSignInSettings, type SignInSettings } from './sign-in-settings';

export interface SignInPagesOptions {
  /** Undefined (sandbox, or Entra not configured): both pages say sign-in is not set up. */
  settings: SignInSettings | undefined;
  /** The Vite build output holding auth-end.html. Default tabs/dist. */
  tabDir?: string;
}

function sendText(res: restify.Response, status: number, type: string, body: string, cache = 'no-store'): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

/** Live mode reads the settings from the environment the token verifier reads; the sandbox has no sign-in window. */
export function signInPagesOptions(mode: 'sandbox' | 'live', authorityHost: string, tabDir?: string): SignInPagesOptions {
  const settings = mode === 'live' ? readSignInSettings(loadEnv(process.env, PROJECT_ROOT), authorityHost) : undefined;
  return { settings, ...(tabDir === undefined ? {} : { tabDir }) };
}

/**
 * The consent window of the tab's SSO (teams-js authentication.authenticate): GET /auth-start sends
 * the user on to Microsoft Entra; Entra sends them back to GET /auth-end, the built page whose script
 * (tabs/src/auth-end.ts) tells Teams how it went. Neither page has an inline script.
 */
export function registerSignInPages(server: restify.Server, options: SignInPagesOptions): void {
  const authEndFile = path.join(options.tabDir ?? path.join(PROJECT_ROOT, 'tabs', 'dist'), 'auth-end.html');
  const notConfigured = (res: restify.Response) =>
    sendText(res, 404, 'text/plain; charset=utf-8', 'Sign-in is not configured here (AAD_CLIENT_ID, AAD_TENANT_ID and TAB_ENDPOINT).\n');

  server.get('/auth-start', async (req, res) => {
    if (options.settings === undefined) return notConfigured(res);
    const parsed = authStartQuerySchema.safeParse(Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams));
    if (!parsed.success) {
      sendText(res, 400, 'text/plain; charset=utf-8', 'Open this page from the Bookings Invoicing tab in Teams.\n');
      return;
    }
    res.writeHead(302, { location: authorizeUrl(options.settings, parsed.data), 'cache-control': 'no-store', 'content-length': '0' });
    res.end();
  });

  server.get('/auth-end', async (_req, res) => {
    if (options.settings === undefined) return notConfigured(res);
    let html: string;
    try {
      html = fs.readFileSync(authEndFile, 'utf8');
    } catch {
      sendText(res, 503, 'text/plain; charset=utf-8', 'The tab is not built: run npm run build:tab.\n');
      return;
    }
    // The fragment carries Entra's answer: no referrer may take it elsewhere.
    res.setHeader('referrer-policy', 'no-referrer');
    sendText(res, 200, 'text/html; charset=utf-8', html);
  });
}
