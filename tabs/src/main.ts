import { pageFromPath, pathForPage } from './app/route';
import { withEarlyReads, type EarlyRead } from './http/early-reads';
import { httpApi } from './http/http-api';
import { pickLocale } from './i18n/locale';
import { isConfigurePath } from './pages/configure/channel-tab';
import { DEFAULT_PAGE_SIZE, filterFromLink, initialGridState, sortFromLink, toQuery } from './pages/unbilled/filter-state';
import { detectHost } from './teams/host';
import { teamsSdk } from './teams/teams-sdk';

/*
 * The entry is small on purpose: it finds the host and asks for the first page's data, and only then
 * loads React, Fluent and the pages (most of the bundle), so the server answers while they load.
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
  const initialPage = pageFromPath(window.location.pathname);
  const link = host.subPageId ?? (window.location.search || null);
  // What the app asks as it opens (the user's name is kept by httpApi itself); Unbilled's list,
  // catalog and sync status only when that page opens.
  const reads: EarlyRead[] = [['setup']];
  if (initialPage === 'unbilled') {
    reads.push(['unbilled', toQuery(initialGridState(filterFromLink(link), DEFAULT_PAGE_SIZE, sortFromLink(link)))], ['catalog'], ['syncRuns', 1]);
  }
  const plain = httpApi({ fetch: (input, init) => window.fetch(input, init), getToken: () => host.getToken() });
  void plain.me().catch(() => undefined);
  const api = withEarlyReads(plain, reads);
  const { mountApp } = await import('./app/mount-app');
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
