import { apiErrorSchema } from '../../../contract/api-contract';
import { API, pathOf, queryString, type Endpoint, type ParamNames, type PathParams, type RequestIn, type ResponseOut } from '../../../contract/endpoints';
import type { Api } from './api';
import { ApiError } from './api-error';
import { exportPath } from './export-path';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpApiOptions {
  fetch: FetchLike;
  /** The SSO token in Teams; null on a plain web page. */
  getToken: () => Promise<string | null>;
  baseUrl?: string;
  /** Waits out a refusal's Retry-After; a test passes its own so no test waits on the wall clock. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A read the server refused as too many requests (429 with Retry-After) is asked again once the
 * server says it may be, up to this many times and only for a wait this short: a page that opens
 * right after a burst (another tab, an export) fills in by itself instead of staying empty.
 */
const BUSY_READ_RETRIES = 3;
const BUSY_READ_MAX_WAIT_SECONDS = 60;

/** The Retry-After of a read worth asking again, in seconds; null for any other answer. */
function busyReadWait(method: string, response: Response): number | null {
  if (method !== 'GET' || response.status !== 429) return null;
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isInteger(seconds) && seconds >= 0 && seconds <= BUSY_READ_MAX_WAIT_SECONDS ? seconds : null;
}

const timerSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The name in Content-Disposition (its UTF-8 form first), or the fallback. */
export function attachmentName(header: string | null, fallback: string): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (utf8) {
    try {
      return decodeURIComponent(utf8[1]!.trim());
    } catch {
      // A malformed encoding: the plain name below still names the file.
    }
  }
  const plain = /filename="([^"]+)"/i.exec(header ?? '');
  return plain ? plain[1]! : fallback;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = apiErrorSchema.safeParse(body);
  if (!parsed.success) return new ApiError('bad_response', `HTTP ${response.status} ${response.statusText}`.trim(), response.status);
  const { code, message, fields, currentVersion } = parsed.data.error;
  return new ApiError(code, message, response.status, fields ?? {}, currentVersion ?? null);
}

/** The tab's API over fetch: bearer token in Teams, every answer parsed with the contract's schema. */
export function httpApi(options: HttpApiOptions): Api {
  const base = options.baseUrl ?? '';
  const sleep = options.sleep ?? timerSleep;

  async function send(method: string, path: string, accept: string, body?: unknown): Promise<Response> {
    for (let retries = 0; ; retries++) {
      const headers: Record<string, string> = { accept };
      const token = await options.getToken();
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      try {
        response = await options.fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      } catch (e) {
        throw new ApiError('network', e instanceof Error ? e.message : String(e));
      }
      if (response.ok) return response;
      const wait = retries < BUSY_READ_RETRIES ? busyReadWait(method, response) : null;
      if (wait === null) throw await errorFrom(response);
      await response.body?.cancel();
      await sleep(wait * 1000);
    }
  }

  /** One endpoint of the table: its path filled in, its query string, its body, its answer parsed with its response schema. */
  async function call<E extends Endpoint>(
    endpoint: E,
    ...[request]: [ParamNames<E['path']>] extends [never] ? [request?: RequestIn<E>] : [request: RequestIn<E>]
  ): Promise<ResponseOut<E>> {
    const { method, response: schema } = endpoint;
    if (typeof schema === 'string') throw new Error(`${endpoint.path} answers a file, not JSON`);
    const path = `${pathOf(endpoint, (request?.params ?? {}) as PathParams<E['path']>)}${queryString(request?.query as Parameters<typeof queryString>[0])}`;
    // Every POST/PUT/PATCH sends a body ({} when it has no fields), as the server checks an absent one as {}.
    const body = method === 'GET' ? undefined : (request?.body ?? {});
    const answer = await send(method, path, 'application/json', body);
    const json: unknown = await answer.json().catch(() => undefined);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiError('bad_response', `unexpected answer from ${method} ${path}: ${parsed.error.message}`, answer.status);
    return parsed.data as ResponseOut<E>;
  }

  // Who the user is does not change while the tab is open, and the shell, the Unbilled page's link
  // fixes and the History each ask: one request answers them all. A failure is not kept, so a retry
  // after signing in asks again.
  let me: ReturnType<typeof call<typeof API.me>> | null = null;
  return {
    me: () => {
      me ??= call(API.me).catch((e: unknown) => {
        me = null;
        throw e;
      });
      return me;
    },
    unbilled: (query) => call(API.unbilled, { query }),
    catalog: () => call(API.catalog),
    previewRun: (selection) => call(API.previewRun, { body: { selection } }),
    startRun: (selection, options = {}) => call(API.startRun, { body: { selection, ...options } }),
    run: (id) => call(API.run, { params: { id } }),
    retryRun: (id) => call(API.retryRun, { params: { id } }),
    runs: (query) => call(API.runs, { query }),
    runInvoices: (id, query) => call(API.runInvoices, { params: { id }, query }),
    exportCsv: async (request, lang) => {
      // Fetched with the SSO token (a plain link would carry none), then saved from memory.
      const response = await send('GET', exportPath(request, lang), 'text/csv');
      return { fileName: attachmentName(response.headers.get('content-disposition'), 'export.csv'), blob: await response.blob() };
    },
    exclude: (id, reason) => call(API.exclude, { params: { id }, body: reason === undefined ? {} : { reason } }),
    include: (id) => call(API.include, { params: { id } }),
    markNoShow: (id) => call(API.noShow, { params: { id } }),
    attended: (id) => call(API.attended, { params: { id } }),
    setPrice: (id, price) => call(API.setPrice, { params: { id }, body: { price } }),
    startSync: () => call(API.startSync),
    syncRun: (id) => call(API.syncRun, { params: { id } }),
    syncRuns: (limit) => call(API.syncRuns, { query: { limit } }),
    setup: () => call(API.setup),
    patchSetup: (patch, version) => call(API.patchSetup, { body: { patch, version } }),
    businesses: () => call(API.businesses),
    companies: () => call(API.companies),
    setupTables: (query) => call(API.setupTables, { query }),
    conversations: () => call(API.conversations),
    cardPreview: (query) => call(API.cardPreview, { query }),
    testConnections: (body) => call(API.testConnections, { body }),
    audit: (query) => call(API.audit, { query }),
    payments: (query) => call(API.payments, { query }),
    paymentCustomers: (query) => call(API.paymentCustomers, { query }),
    serviceLinkChoices: (id, search) => call(API.serviceLinkChoices, { params: { id }, query: { search: search.trim() } }),
    linkService: (id, choice) => call(API.linkService, { params: { id }, body: { choice } }),
    customerLinkChoices: (id, search) => call(API.customerLinkChoices, { params: { id }, query: { search: search.trim() } }),
    linkCustomer: (id, choice) => call(API.linkCustomer, { params: { id }, body: { choice } }),
    appointmentCustomerChoices: (id, search) => call(API.appointmentCustomerChoices, { params: { id }, query: { search: search.trim() } }),
    linkAppointmentCustomer: (id, choice) => call(API.linkAppointmentCustomer, { params: { id }, body: { choice } }),
  };
}
