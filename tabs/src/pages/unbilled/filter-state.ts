import { REASONS, SORT_KEYS, type SelectionInput, type SortKey, type UnbilledQuery } from '../../../../contract/api-contract';

export type { SortKey };
export type Direction = 'asc' | 'desc';

/** Which rows the list shows: ready to invoice, blocked, both, or those someone excluded (to include them again). */
export const SHOW_CHOICES = ['invoiceable', 'not-invoiceable', 'unbilled', 'excluded'] as const;
export type ShowChoice = (typeof SHOW_CHOICES)[number];

/** The form's filter: '' means "any". */
export interface Filter {
  from: string;
  to: string;
  customer: string;
  serviceId: string;
  staffMemberId: string;
  search: string;
  show: ShowChoice;
  /** A blocking reason to work through ('' for any); only meaningful when blocked rows are shown. */
  reason: string;
}

export interface GridState {
  filter: Filter;
  sort: SortKey;
  direction: Direction;
  page: number;
  pageSize: number;
  /**
   * The answer's `after` for the page before this one, when Next led here: the server then seeks to
   * it instead of walking past every earlier row. Any other move goes by offset and drops it.
   */
  after?: string;
}

export const EMPTY_FILTER: Filter = { from: '', to: '', customer: '', serviceId: '', staffMemberId: '', search: '', show: 'invoiceable', reason: '' };

export interface SortChoice {
  sort: SortKey;
  direction: Direction;
}

const DEFAULT_SORT: SortChoice = { sort: 'start', direction: 'asc' };
const PAGE_SIZE = 50;

export function initialGridState(filter: Partial<Filter> = {}, pageSize = PAGE_SIZE, sort: Partial<SortChoice> = {}): GridState {
  return { filter: { ...EMPTY_FILTER, ...filter }, ...DEFAULT_SORT, ...sort, page: 0, pageSize };
}

/** A link's sort (sort=customer&direction=desc); anything unknown keeps the default. */
export function sortFromLink(search: string | null): Partial<SortChoice> {
  const params = new URLSearchParams(search ?? '');
  const sort = SORT_KEYS.find((k) => k === params.get('sort'));
  const direction = (['asc', 'desc'] as const).find((d) => d === params.get('direction'));
  return { ...(sort && { sort }), ...(direction && { direction }) };
}

/** The page's own query string for the state (dates, customer and sort), so that a reload or a bookmark keeps them. */
export function linkQuery(state: GridState): string {
  const params = new URLSearchParams();
  if (state.filter.from) params.set('from', state.filter.from);
  if (state.filter.to) params.set('to', state.filter.to);
  if (state.filter.customer.trim()) params.set('customer', state.filter.customer.trim());
  if (state.filter.show !== EMPTY_FILTER.show) params.set('show', state.filter.show);
  if (state.sort !== DEFAULT_SORT.sort || state.direction !== DEFAULT_SORT.direction) {
    params.set('sort', state.sort);
    params.set('direction', state.direction);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A deep link's filter (Teams sub-page id or the page's own query string: from, to, customer, show). */
export function filterFromLink(search: string | null): Partial<Filter> {
  if (!search) return {};
  const params = new URLSearchParams(search);
  const filter: Partial<Filter> = {};
  const from = params.get('from');
  const to = params.get('to');
  const customer = params.get('customer')?.trim();
  if (from && DAY.test(from)) filter.from = from;
  if (to && DAY.test(to)) filter.to = to;
  if (customer) filter.customer = customer.slice(0, 200);
  const show = SHOW_CHOICES.find((c) => c === params.get('show'));
  if (show) filter.show = show;
  return filter;
}

/** Another page of the same list, found by its offset: a cursor is only for the page after its own. */
export function atPage(state: GridState, page: number): GridState {
  const { after: _after, ...rest } = state;
  return { ...rest, page };
}

/** Changing the filter or the sort starts again at the first page. */
export function withFilter(state: GridState, change: Partial<Filter>): GridState {
  return atPage({ ...state, filter: { ...state.filter, ...change } }, 0);
}

export function withSort(state: GridState, sort: SortKey): GridState {
  const direction: Direction = state.sort === sort && state.direction === 'asc' ? 'desc' : 'asc';
  return atPage({ ...state, sort, direction }, 0);
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function withPage(state: GridState, page: number, total: number): GridState {
  return atPage(state, Math.min(Math.max(0, page), pageCount(total, state.pageSize) - 1));
}

/** Next: by the shown answer's cursor when that answer is the current page (not one still loading). */
export function withNextPage(state: GridState, shown: { total: number; offset: number; limit: number; after?: string | undefined }): GridState {
  const next = withPage(state, state.page + 1, shown.total);
  const current = shown.offset === state.page * state.pageSize && shown.limit === state.pageSize;
  return current && shown.after !== undefined && next.page === state.page + 1 ? { ...next, after: shown.after } : next;
}

/** What GET /api/unbilled is asked: by default only what can be invoiced now. */
export function toQuery(state: GridState): UnbilledQuery {
  const f = state.filter;
  const query: UnbilledQuery = {
    state: f.show,
    sort: state.sort,
    direction: state.direction,
    offset: state.page * state.pageSize,
    limit: state.pageSize,
  };
  if (state.after !== undefined) query.after = state.after;
  if (f.from) query.from = f.from;
  if (f.to) query.to = f.to;
  if (f.customer.trim()) query.customer = f.customer.trim();
  if (f.serviceId) query.serviceId = f.serviceId;
  if (f.staffMemberId) query.staffMemberId = f.staffMemberId;
  if (f.search.trim()) query.search = f.search.trim();
  const reason = REASONS.find((r) => r === f.reason);
  if (reason && f.show !== 'invoiceable') query.reason = reason;
  return query;
}

/** "All matching the filter": the server resolves it to what is invoiceable at run time. */
export function filterSelection(filter: Filter): SelectionInput {
  const selection: SelectionInput = { kind: 'filter' };
  if (filter.from) selection.from = filter.from;
  if (filter.to) selection.to = filter.to;
  if (filter.customer.trim()) selection.customer = filter.customer.trim();
  if (filter.serviceId) selection.serviceId = filter.serviceId;
  if (filter.staffMemberId) selection.staffMemberId = filter.staffMemberId;
  if (filter.search.trim()) selection.search = filter.search.trim();
  return selection;
}

/** What the Unbilled page opened with a link (its query string or Teams' sub-page id) asks the list first. */
export function firstQueryForLink(link: string | null): UnbilledQuery {
  return toQuery(initialGridState(filterFromLink(link), PAGE_SIZE, sortFromLink(link)));
}
