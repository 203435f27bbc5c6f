// First: a plain web page's first reads, which index.html has usually run already (early-reads.ts).
import { earlyReads } from './http/early-reads-start';
// Next: the schemas the imports below make must see it.
import './http/zod-jitless';
import { pageFromPath, pathForPage } from './app/route';
import { withFirstReads } from './http/first-reads';
import { httpApi } from './http/http-api';
import { firstQueryForLink } from './pages/unbilled/filter-state';
import { pickLocale } from './i18n/locale';
import { detectHost } from './teams/host';
import { teamsSdk } from './teams/teams-sdk';
import { isConfigurePath } from './pages/configure/channel-tab';

/*
 * The entry holds no React: it finds the host and asks for the first page's reads, while React, Fluent
 * and the pages (most of the code, preloaded by index.html's modulepreload links) load and compile
 * beside it, so the server answers while the browser compiles.
 */
async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  // Teams opens the channel tab's configuration page in its dialog: a page of its own, without the app.
  if (isConfigurePath(window.location.pathname)) {
    const locale = pickLocale([...(navigator.languages ?? [navigator.language])]);
    const { mountConfigure } = await import('./pages/configure/mount-configure');
    mountConfigure(root, window.location.origin, locale);
    return;
  }
  const app = import('./app/mount-app');
  const host = await detectHost({
    win: window,
    sdk: teamsSdk,
    prefersDark: window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
    openWindow: (url) => window.open(url, '_blank', 'noopener'),
    newState: () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''),
  });
  const params = new URLSearchParams(window.location.search);
  const locale = pickLocale([params.get('lang'), host.locale, ...(navigator.languages ?? [navigator.language])]);
  document.documentElement.lang = locale.tag;
  const http = httpApi({ fetch: (input, init) => earlyReads.take(input, init) ?? window.fetch(input, init), getToken: () => host.getToken() });
  const initialPage = pageFromPath(window.location.pathname);
  const link = host.subPageId ?? (window.location.search || null);
  const api = initialPage === 'unbilled' ? withFirstReads(http, firstQueryForLink(link)) : http;
  const { mountApp } = await app;
  mountApp(root, {
    api,
    host,
    locale,
    initialPage,
    link,
    onNavigate: (page) => {
      // Inside Teams the frame's URL is not the user's; outside, keep it bookmarkable.
      if (host.kind === 'web') window.history.replaceState(null, '', pathForPage(page));
    },
    onUnbilledLinkChange: (query) => {
      if (host.kind === 'web') window.history.replaceState(null, '', `${pathForPage('unbilled')}${query}`);
    },
  });
}

void start();
