import type { z } from 'zod';
import {
  appointmentChangeResponseSchema,
  appointmentCustomerRequestSchema,
  auditExportQuerySchema,
  auditQuerySchema,
  auditResponseSchema,
  bcCompaniesResponseSchema,
  bookingsBusinessesResponseSchema,
  cardPreviewQuerySchema,
  cardPreviewResponseSchema,
  catalogResponseSchema,
  connectionTestRequestSchema,
  connectionTestResponseSchema,
  conversationsResponseSchema,
  customerLinkChoicesSchema,
  enteredPriceRequestSchema,
  excludeRequestSchema,
  includeRequestSchema,
  noShowRequestSchema,
  invoiceRunRequestSchema,
  invoiceRunsQuerySchema,
  invoiceRunsResponseSchema,
  linkChoicesQuerySchema,
  linkRequestSchema,
  linkResultSchema,
  meResponseSchema,
  paymentCustomersQuerySchema,
  paymentCustomersResponseSchema,
  paymentsQuerySchema,
  paymentsResponseSchema,
  previewSchema,
  retryRunRequestSchema,
  runInvoicesExportQuerySchema,
  runInvoicesQuerySchema,
  runInvoicesResponseSchema,
  runSummarySchema,
  runsExportQuerySchema,
  serviceLinkChoicesSchema,
  setupPatchRequestSchema,
  setupPatchResponseSchema,
  setupResponseSchema,
  setupTablesQuerySchema,
  setupTablesResponseSchema,
  startedRunSchema,
  startedSyncSchema,
  startSyncRequestSchema,
  syncRunSchema,
  syncRunsQuerySchema,
  syncRunsResponseSchema,
  unbilledExportQuerySchema,
  unbilledQuerySchema,
  unbilledResponseSchema,
} from './api-contract';

/*
 * Every endpoint of the tab's API, once: method, path, request schemas, response schema. The server
 * registers its routes from this table (server/api/routes/) and the tab's HTTP client calls through
 * it (tabs/src/http/http-api.ts), so a path, a body or an answer cannot differ between the two.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** The answer of an export: a CSV attachment (UTF-8 with BOM), not JSON. */
export const CSV_FILE = 'text/csv';

export interface Endpoint {
  readonly method: Method;
  /** With `:name` segments for path parameters. */
  readonly path: string;
  /** The query string, checked field by field (strict: an unknown field is a 400). */
  readonly query?: z.ZodType;
  /** POST/PUT/PATCH: the JSON body (strict); an absent body is checked as {}. */
  readonly body?: z.ZodType;
  readonly response: z.ZodType | typeof CSV_FILE;
}

const endpoint = <const E extends Endpoint>(e: E): E => e;

export const API = {
  me: endpoint({ method: 'GET', path: '/api/me', response: meResponseSchema }),
  unbilled: endpoint({ method: 'GET', path: '/api/unbilled', query: unbilledQuerySchema, response: unbilledResponseSchema }),
  catalog: endpoint({ method: 'GET', path: '/api/catalog', response: catalogResponseSchema }),

  previewRun: endpoint({ method: 'POST', path: '/api/invoice-runs/preview', body: invoiceRunRequestSchema, response: previewSchema }),
  /** 202: poll `run` with the id. */
  startRun: endpoint({ method: 'POST', path: '/api/invoice-runs', body: invoiceRunRequestSchema, response: startedRunSchema }),
  runs: endpoint({ method: 'GET', path: '/api/invoice-runs', query: invoiceRunsQuerySchema, response: invoiceRunsResponseSchema }),
  /** The run without its invoices, to poll; its invoices a page at a time from `runInvoices`. */
  run: endpoint({ method: 'GET', path: '/api/invoice-runs/:id', response: runSummarySchema }),
  runInvoices: endpoint({ method: 'GET', path: '/api/invoice-runs/:id/invoices', query: runInvoicesQuerySchema, response: runInvoicesResponseSchema }),
  /** 202 with the new run over the failed invoices' appointments. */
  retryRun: endpoint({ method: 'POST', path: '/api/invoice-runs/:id/retry', body: retryRunRequestSchema, response: startedRunSchema }),

  exclude: endpoint({ method: 'POST', path: '/api/appointments/:id/exclude', body: excludeRequestSchema, response: appointmentChangeResponseSchema }),
  include: endpoint({ method: 'POST', path: '/api/appointments/:id/include', body: includeRequestSchema, response: appointmentChangeResponseSchema }),
  setPrice: endpoint({ method: 'PUT', path: '/api/appointments/:id/price', body: enteredPriceRequestSchema, response: appointmentChangeResponseSchema }),
  /** Idempotent: marking a marked appointment answers the same. */
  noShow: endpoint({ method: 'POST', path: '/api/appointments/:id/no-show', body: noShowRequestSchema, response: appointmentChangeResponseSchema }),
  /** Undoes a no-show; idempotent. */
  attended: endpoint({ method: 'POST', path: '/api/appointments/:id/attended', body: noShowRequestSchema, response: appointmentChangeResponseSchema }),

  /** 202 with the run (a new one, or the one already running, joined). */
  startSync: endpoint({ method: 'POST', path: '/api/sync', body: startSyncRequestSchema, response: startedSyncSchema }),
  syncRuns: endpoint({ method: 'GET', path: '/api/sync', query: syncRunsQuerySchema, response: syncRunsResponseSchema }),
  syncRun: endpoint({ method: 'GET', path: '/api/sync/:id', response: syncRunSchema }),

  setup: endpoint({ method: 'GET', path: '/api/setup', response: setupResponseSchema }),
  patchSetup: endpoint({ method: 'PATCH', path: '/api/setup', body: setupPatchRequestSchema, response: setupPatchResponseSchema }),
  businesses: endpoint({ method: 'GET', path: '/api/bookings/businesses', response: bookingsBusinessesResponseSchema }),
  companies: endpoint({ method: 'GET', path: '/api/business-central/companies', response: bcCompaniesResponseSchema }),
  setupTables: endpoint({ method: 'GET', path: '/api/business-central/setup-tables', query: setupTablesQuerySchema, response: setupTablesResponseSchema }),
  cardPreview: endpoint({ method: 'GET', path: '/api/setup/card-preview', query: cardPreviewQuerySchema, response: cardPreviewResponseSchema }),
  conversations: endpoint({ method: 'GET', path: '/api/conversations', response: conversationsResponseSchema }),
  testConnections: endpoint({ method: 'POST', path: '/api/connections/test', body: connectionTestRequestSchema, response: connectionTestResponseSchema }),
  audit: endpoint({ method: 'GET', path: '/api/audit', query: auditQuerySchema, response: auditResponseSchema }),
  payments: endpoint({ method: 'GET', path: '/api/payments', query: paymentsQuerySchema, response: paymentsResponseSchema }),
  paymentCustomers: endpoint({ method: 'GET', path: '/api/payments/customers', query: paymentCustomersQuerySchema, response: paymentCustomersResponseSchema }),

  serviceLinkChoices: endpoint({ method: 'GET', path: '/api/services/:id/link-choices', query: linkChoicesQuerySchema, response: serviceLinkChoicesSchema }),
  linkService: endpoint({ method: 'PUT', path: '/api/services/:id/link', body: linkRequestSchema, response: linkResultSchema }),
  customerLinkChoices: endpoint({ method: 'GET', path: '/api/customers/:id/link-choices', query: linkChoicesQuerySchema, response: customerLinkChoicesSchema }),
  linkCustomer: endpoint({ method: 'PUT', path: '/api/customers/:id/link', body: linkRequestSchema, response: linkResultSchema }),
  appointmentCustomerChoices: endpoint({
    method: 'GET',
    path: '/api/appointments/:id/customer-choices',
    query: linkChoicesQuerySchema,
    response: customerLinkChoicesSchema,
  }),
  linkAppointmentCustomer: endpoint({
    method: 'PUT',
    path: '/api/appointments/:id/customer',
    body: appointmentCustomerRequestSchema,
    response: linkResultSchema,
  }),

  exportRuns: endpoint({ method: 'GET', path: '/api/export/invoice-runs', query: runsExportQuerySchema, response: CSV_FILE }),
  exportRunInvoices: endpoint({ method: 'GET', path: '/api/export/invoice-runs/:id/invoices', query: runInvoicesExportQuerySchema, response: CSV_FILE }),
  exportAudit: endpoint({ method: 'GET', path: '/api/export/audit', query: auditExportQuerySchema, response: CSV_FILE }),
  exportUnbilled: endpoint({ method: 'GET', path: '/api/export/unbilled', query: unbilledExportQuerySchema, response: CSV_FILE }),
} as const satisfies Record<string, Endpoint>;

// ---------------------------------------------------------------------------------------------- types derived from an endpoint

export type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** An endpoint's path parameters by name ('/api/sync/:id' → {id}). */
export type PathParams<P extends string> = { readonly [K in ParamNames<P>]: string };

type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;
type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a client gives to call an endpoint: the path parameters it needs, its query and its body. */
export type RequestIn<E extends Endpoint> = ([ParamNames<E['path']>] extends [never] ? { params?: undefined } : { params: PathParams<E['path']> }) & {
  query?: QueryIn<E>;
  body?: BodyIn<E>;
};

/** What a client sends: the query string's and the body's fields before the schemas' defaults. */
export type QueryIn<E extends Endpoint> = InputOf<E['query']>;
export type BodyIn<E extends Endpoint> = InputOf<E['body']>;
/** What a handler gets: the checked query and body. */
export type QueryOut<E extends Endpoint> = OutputOf<E['query']>;
export type BodyOut<E extends Endpoint> = OutputOf<E['body']>;
/** What the server sends (the response schema's input) and what the client reads (its output). */
export type ResponseIn<E extends Endpoint> = E['response'] extends z.ZodType ? z.input<E['response']> : never;
export type ResponseOut<E extends Endpoint> = E['response'] extends z.ZodType ? z.output<E['response']> : never;

// ---------------------------------------------------------------------------------------------- building a request

/** The endpoint's path with its parameters filled in (each one URI-encoded, so 'a/b' stays one segment). */
export function pathOf<E extends Endpoint>(endpoint: E, params: PathParams<E['path']>): string {
  const values = params as Readonly<Record<string, string>>;
  return endpoint.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${endpoint.path} needs ${name}`);
    return encodeURIComponent(value);
  });
}

/** A query string for the fields given ('' when none): empty values are left out, as the schemas read an absent field as unset. */
export function queryString(query: Readonly<Record<string, string | number | boolean | null | undefined>> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
