import type { TabLinkOptions } from './card-locale';

/** The manifest's staticTabs entityId of the Unbilled Bookings tab. */
export const UNBILLED_TAB_ENTITY_ID = 'unbilled';

/** What the tab should filter on when opened from a card. */
export interface UnbilledTabFilter {
  firstDay?: string;
  lastDay?: string;
  customer?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The tab reads this back from `app.getContext()` (`page.subPageId`): a query string, so the
 * tab can parse it with URLSearchParams.
 */
export function unbilledSubEntityId(filter: UnbilledTabFilter): string {
  const params = new URLSearchParams();
  if (filter.firstDay !== undefined) params.set('from', filter.firstDay);
  if (filter.lastDay !== undefined) params.set('to', filter.lastDay);
  if (filter.customer !== undefined) params.set('customer', filter.customer);
  return params.toString();
}

export function parseUnbilledSubEntityId(subEntityId: string): UnbilledTabFilter {
  const params = new URLSearchParams(subEntityId);
  const filter: UnbilledTabFilter = {};
  const from = params.get('from');
  const to = params.get('to');
  const customer = params.get('customer');
  if (from !== null && DAY.test(from)) filter.firstDay = from;
  if (to !== null && DAY.test(to)) filter.lastDay = to;
  if (customer !== null && customer.trim() !== '') filter.customer = customer.trim().slice(0, 200);
  return filter;
}

/**
 * A Teams deep link to the personal tab
 * (`https://teams.microsoft.com/l/entity/<appId>/<entityId>?webUrl=&label=&context={"subEntityId":...}`);
 * `webUrl` is where clients that cannot host the tab go instead, carrying the same filter.
 */
export function unbilledTabDeepLink(tab: TabLinkOptions, filter: UnbilledTabFilter = {}, label = 'Unbilled Bookings'): string {
  if (!/^[A-Za-z0-9-]+$/.test(tab.appId)) throw new RangeError(`not a Teams app id: ${tab.appId}`);
  const subEntityId = unbilledSubEntityId(filter);
  const fallback = new URL(tab.webUrl);
  if (fallback.protocol !== 'https:' && fallback.hostname !== 'localhost' && fallback.hostname !== '127.0.0.1') {
    throw new RangeError(`the tab's web URL must be https: ${tab.webUrl}`);
  }
  for (const [k, v] of new URLSearchParams(subEntityId)) fallback.searchParams.set(k, v);
  const query = new URLSearchParams({ webUrl: fallback.href, label, context: JSON.stringify({ subEntityId }) });
  return `https://teams.microsoft.com/l/entity/${tab.appId}/${UNBILLED_TAB_ENTITY_ID}?${query.toString()}`;
}
