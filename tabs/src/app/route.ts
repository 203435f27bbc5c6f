/** The tab's pages, each at its own path. */
export type PageName = 'unbilled' | 'setup' | 'history';

/** /tab/setup, /tab/history, anything else is Unbilled; the server serves the app at all of them. */
export function pageFromPath(pathname: string): PageName {
  const last = pathname.replace(/\/+$/, '').split('/').pop() ?? '';
  if (last === 'setup') return 'setup';
  if (last === 'history') return 'history';
  return 'unbilled';
}

export function pathForPage(page: PageName): string {
  return page === 'unbilled' ? '/tab/unbilled' : `/tab/${page}`;
}
