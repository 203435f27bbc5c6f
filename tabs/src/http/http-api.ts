import type { z } from 'zod';
import {
  apiErrorSchema,
  apiPaths,
  appointmentChangeResponseSchema,
  auditResponseSchema,
  bcCompaniesResponseSchema,
  setupTablesResponseSchema,
  bookingsBusinessesResponseSchema,
  catalogResponseSchema,
  connectionTestResponseSchema,
  conversationsResponseSchema,
  customerLinkChoicesSchema,
  linkChoicesQueryString,
  linkResultSchema,
  serviceLinkChoicesSchema,
  exportPath,
  invoiceRunsResponseSchema,
  meResponseSchema,
  previewSchema,
  runInvoicesResponseSchema,
  runResultSchema,
  setupPatchResponseSchema,
  setupResponseSchema,
  startedRunSchema,
  startedSyncSchema,
  syncRunSchema,
  syncRunsResponseSchema,
  unbilledQueryString,
  unbilledResponseSchema,
} from '../api/contract';
import type { Api } from './api';
import { ApiError } from './api-error';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpApiOptions {
  fetch: FetchLike;
  /** The SSO token in Teams; null on a plain web page. */
  getToken: () => Promise<string | null>;
  baseUrl?: string;
}

function query(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) search.set(k, String(v));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

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

  async function send(method: string, path: string, accept: string, body?: unknown): Promise<Response> {
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
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  async function call<S extends z.ZodType>(schema: S, method: string, path: string, body?: unknown): Promise<z.output<S>> {
    const response = await send(method, path, 'application/json', body);
    const json: unknown = await response.json().catch(() => undefined);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiError('bad_response', `unexpected answer from ${method} ${path}: ${parsed.error.message}`, response.status);
    return parsed.data;
  }

  return {
    me: () => call(meResponseSchema, 'GET', apiPaths.me),
    unbilled: (q) => call(unbilledResponseSchema, 'GET', `${apiPaths.unbilled}${unbilledQueryString(q)}`),
    catalog: () => call(catalogResponseSchema, 'GET', apiPaths.catalog),
    previewRun: (selection) => call(previewSchema, 'POST', apiPaths.invoiceRunsPreview, { selection }),
    startRun: (selection, options = {}) => call(startedRunSchema, 'POST', apiPaths.invoiceRuns, { selection, ...options }),
    run: (id) => call(runResultSchema, 'GET', apiPaths.invoiceRun(id)),
    retryRun: (id) => call(startedRunSchema, 'POST', apiPaths.invoiceRunRetry(id), {}),
    runs: (q) => call(invoiceRunsResponseSchema, 'GET', `${apiPaths.invoiceRuns}${query({ limit: q.limit, offset: q.offset })}`),
    runInvoices: (id, q) => call(runInvoicesResponseSchema, 'GET', `${apiPaths.invoiceRunInvoices(id)}${query({ limit: q.limit, offset: q.offset })}`),
    exportCsv: async (request, lang) => {
      // Fetched with the SSO token (a plain link would carry none), then saved from memory.
      const response = await send('GET', exportPath(request, lang), 'text/csv');
      return { fileName: attachmentName(response.headers.get('content-disposition'), 'export.csv'), blob: await response.blob() };
    },
    exclude: (id, reason) => call(appointmentChangeResponseSchema, 'POST', apiPaths.exclude(id), reason === undefined ? {} : { reason }),
    include: (id) => call(appointmentChangeResponseSchema, 'POST', apiPaths.include(id), {}),
    setPrice: (id, price) => call(appointmentChangeResponseSchema, 'PUT', apiPaths.price(id), { price }),
    startSync: () => call(startedSyncSchema, 'POST', apiPaths.sync, {}),
    syncRun: (id) => call(syncRunSchema, 'GET', apiPaths.syncRun(id)),
    syncRuns: (limit) => call(syncRunsResponseSchema, 'GET', `${apiPaths.sync}${query({ limit })}`),
    setup: () => call(setupResponseSchema, 'GET', apiPaths.setup),
    patchSetup: (patch, version) => call(setupPatchResponseSchema, 'PATCH', apiPaths.setup, { patch, version }),
    businesses: () => call(bookingsBusinessesResponseSchema, 'GET', apiPaths.bookingsBusinesses),
    companies: () => call(bcCompaniesResponseSchema, 'GET', apiPaths.bcCompanies),
    setupTables: (q) => call(setupTablesResponseSchema, 'GET', `${apiPaths.bcSetupTables}${query({ companyId: q.companyId })}`),
    conversations: () => call(conversationsResponseSchema, 'GET', apiPaths.conversations),
    testConnections: (request) => call(connectionTestResponseSchema, 'POST', apiPaths.connectionsTest, request),
    audit: (q) => call(auditResponseSchema, 'GET', `${apiPaths.audit}${query({ limit: q.limit, offset: q.offset })}`),
    serviceLinkChoices: (id, search) => call(serviceLinkChoicesSchema, 'GET', `${apiPaths.serviceLinkChoices(id)}${linkChoicesQueryString(search)}`),
    linkService: (id, choice) => call(linkResultSchema, 'PUT', apiPaths.serviceLink(id), { choice }),
    customerLinkChoices: (id, search) => call(customerLinkChoicesSchema, 'GET', `${apiPaths.customerLinkChoices(id)}${linkChoicesQueryString(search)}`),
    linkCustomer: (id, choice) => call(linkResultSchema, 'PUT', apiPaths.customerLink(id), { choice }),
    appointmentCustomerChoices: (id, search) => call(customerLinkChoicesSchema, 'GET', `${apiPaths.appointmentCustomerChoices(id)}${linkChoicesQueryString(search)}`),
    linkAppointmentCustomer: (id, choice) => call(linkResultSchema, 'PUT', apiPaths.appointmentCustomer(id), { choice }),
  };
}
