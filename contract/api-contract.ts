import { z } from 'zod';
import { previewSchema, runResultSchema, runSummarySchema, selectionSchema } from '../service/invoicing/run/run-schemas';
import { SYNC_RUN_STATES } from '../service/jobs/sync-run-state';
import { SYNC_ERROR_KINDS } from '../service/jobs/sync-error-words';
import {
  auditEntrySchema,
  auditPageSchema,
  invoiceRunPageSchema,
  invoiceRunSummarySchema,
  listAuditLogRequestSchema,
  listInvoiceRunsRequestSchema,
  listRunInvoicesRequestSchema,
  runInvoicePageSchema,
  type AuditEntry,
  type AuditPage,
  type InvoiceRunPage,
  type InvoiceRunSummary,
  type RunInvoicePage,
} from '../service/history/history-schemas';
export type { Who } from '../service/history/who';
export type { AuditAbout } from '../service/history/audit-about';
import { enteredPriceSchema, exclusionReasonSchema } from '../service/invoicing/appointment-change-fields';
import { afterCreateSchema, dailySummarySchema, setupSchema, type AfterCreate } from '../service/setup/setup-schema';
import {
  listPaymentCustomersRequestSchema,
  listPaymentsRequestSchema,
  paymentCustomerPageSchema,
  PAYMENT_CUSTOMER_SORTS,
  paymentPageSchema,
  type PaymentCustomer,
  type PaymentCustomerPage,
  type PaymentCustomerSort,
  type PaymentItem,
  type PaymentPage,
} from '../service/payments/payment-schemas';
import type { PaymentInfo, PaymentState } from '../service/payments/payment-state';
import {
  customerLinkChoicesSchema,
  linkChoiceSchema,
  appointmentLinkChoiceSchema,
  linkResultSchema,
  linkSearchSchema,
  serviceLinkChoicesSchema,
} from '../service/links/link-schemas';
import { SETUP_TABLES } from '../service/clients/business-central/schemas/setup-table';
import { MAX_LIMIT, SORT_KEYS, unbilledRequestSchema, unbilledResponseSchema } from '../service/unbilled/unbilled-schemas';

/*
 * The tab's JSON API: every request and response schema, shared by the server (server/api/) and the
 * tab, so that neither can drift from the other; endpoints.ts says which endpoint takes and answers
 * which. Request schemas are strict: an unknown field is a 400. Only zod and service/ schema modules
 * are imported here (eslint.config.mjs holds it to that), so the tab's bundle stays free of Node code.
 */

export { previewSchema, runResultSchema, runSummarySchema, selectionSchema, unbilledResponseSchema, setupSchema };
export type { Preview, RunInvoice, RunResult, RunSummary, Selection, SelectionInput } from '../service/invoicing/run/run-schemas';
export type { SortKey, UnbilledResponse, UnbilledRow } from '../service/unbilled/unbilled-schemas';
export { SORT_KEYS };
export { REASONS } from '../service/unbilled/eligibility';
export type { Setup } from '../service/setup/setup-schema';

/** Request bodies above this many bytes are refused with 413 too_large. */
export const MAX_BODY_BYTES = 64 * 1024;

// ---------------------------------------------------------------------------------------------- errors

export const API_ERROR_CODES = [
  'invalid_body',
  'invalid_query',
  /** A path id that cannot be one (control characters): 400. */
  'invalid_path',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'busy',
  'internal',
  'unavailable',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Field errors keyed by dotted path ('dailySummary.time', 'selection.appointmentIds'); '' is the input as a whole. */
const fieldErrorsSchema = z.record(z.string(), z.string());
export type ApiFieldErrors = z.infer<typeof fieldErrorsSchema>;

/** Every error answer: `{error: {code, message, fields?}}`, with the matching HTTP status. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    fields: fieldErrorsSchema.optional(),
    /** On 409 from PATCH /api/setup: the version now stored (reload, then re-apply). */
    currentVersion: z.number().int().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

// ---------------------------------------------------------------------------------------------- identity

const ROLES = ['admin', 'invoicer', 'reader'] as const;
export type Role = (typeof ROLES)[number];

/** GET /api/me */
export const meResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().optional(),
  roles: z.array(z.enum(ROLES)),
  mode: z.enum(['sandbox', 'live']),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

// ---------------------------------------------------------------------------------------------- unbilled

// `after` only pages the list: an export is every row of the filter.
const { businessId: _businessId, offset: _offset, limit: _limit, after, ...unbilledFields } = unbilledRequestSchema.shape;

const wholeNumberText = (min: number, max: number) => {
  const error = `Use a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

/**
 * GET /api/unbilled's query string: the unbilled query without the business (the server's own),
 * numbers as text. The server then checks the whole request with the service's schema (from ≤ to).
 */
export const unbilledQuerySchema = z.strictObject({
  ...unbilledFields,
  offset: wholeNumberText(0, Number.MAX_SAFE_INTEGER).default(0),
  limit: wholeNumberText(1, MAX_LIMIT).optional(),
  after,
});
export type UnbilledQuery = z.input<typeof unbilledQuerySchema>;

// ---------------------------------------------------------------------------------------------- invoice runs

/** POST /api/invoice-runs/preview and POST /api/invoice-runs */
/** `afterCreate` overrides the setup's choice for this run (post or post and email after the drafts); absent, the setup decides. */
export const invoiceRunRequestSchema = z.strictObject({ selection: selectionSchema, afterCreate: afterCreateSchema.optional() });
export type { AfterCreate };
export interface RunStartOptions {
  afterCreate?: AfterCreate;
}
export type InvoiceRunRequest = z.input<typeof invoiceRunRequestSchema>;

/** 202 from POST /api/invoice-runs and POST /api/invoice-runs/:id/retry: poll GET /api/invoice-runs/:id. */
export const startedRunSchema = z.object({ runId: z.string() });
export type StartedRun = z.infer<typeof startedRunSchema>;

const { businessId: _runsBusinessId, ...invoiceRunsFields } = listInvoiceRunsRequestSchema.shape;

/** POST /api/invoice-runs/:id/retry: no fields; 202 with the new run over the failed invoices' appointments. */
export const retryRunRequestSchema = z.strictObject({});

/** GET /api/invoice-runs?source=&limit=&offset= (the history, newest first). */
export const invoiceRunsQuerySchema = z.strictObject(invoiceRunsFields);
export type InvoiceRunsQuery = z.input<typeof invoiceRunsQuerySchema>;
export const invoiceRunsResponseSchema = invoiceRunPageSchema;
export type InvoiceRunsResponse = InvoiceRunPage;
export { invoiceRunSummarySchema };
export type { InvoiceRunSummary };

const { businessId: _runInvoicesBusinessId, runId: _runInvoicesRunId, ...runInvoicesFields } = listRunInvoicesRequestSchema.shape;

/** GET /api/invoice-runs/:id/invoices?limit=&offset= : a page of one run's invoices, in the run's order. */
export const runInvoicesQuerySchema = z.strictObject(runInvoicesFields);
export type RunInvoicesQuery = z.input<typeof runInvoicesQuerySchema>;
export const runInvoicesResponseSchema = runInvoicePageSchema;
export type RunInvoicesResponse = RunInvoicePage;
export type RunInvoiceWithPayment = RunInvoicesResponse['invoices'][number];

// ---------------------------------------------------------------------------------------------- payments

/** GET /api/payments?overdue=&customer=&limit=&offset= : the business's invoices with their payment state (a customer's with `customer`). */
export const paymentsQuerySchema = listPaymentsRequestSchema;
export type PaymentsQuery = z.input<typeof paymentsQuerySchema>;
export const paymentsResponseSchema = paymentPageSchema;
export type PaymentsResponse = PaymentPage;
export type { PaymentInfo, PaymentItem, PaymentState };

/** GET /api/payments/customers?overdue=&sort=&limit=&offset= : the customer view, a customer a row (open one with /api/payments?customer=). */
export const paymentCustomersQuerySchema = listPaymentCustomersRequestSchema;
export type PaymentCustomersQuery = z.input<typeof paymentCustomersQuerySchema>;
export const paymentCustomersResponseSchema = paymentCustomerPageSchema;
export type PaymentCustomersResponse = PaymentCustomerPage;
export type { PaymentCustomer, PaymentCustomerSort };
export { PAYMENT_CUSTOMER_SORTS };

// ---------------------------------------------------------------------------------------------- appointments

/** POST /api/appointments/:id/exclude */
export const excludeRequestSchema = z.strictObject({ reason: exclusionReasonSchema.optional() });

/** POST /api/appointments/:id/include: no fields. */
export const includeRequestSchema = z.strictObject({});

/** POST /api/appointments/:id/no-show and its undo POST /api/appointments/:id/attended: no fields. */
export const noShowRequestSchema = z.strictObject({});

/** PUT /api/appointments/:id/price: the price someone entered for a "price varies" / "call us" appointment; null clears it. */
export const enteredPriceRequestSchema = z.strictObject({ price: enteredPriceSchema });
export type EnteredPriceRequest = z.input<typeof enteredPriceRequestSchema>;

/** What the appointment endpoints answer on success; reload the unbilled list to see the row. */
export const appointmentChangeResponseSchema = z.object({
  id: z.string(),
  change: z.enum(['excluded', 'included', 'price-entered', 'no-show', 'attended']),
});
export type AppointmentChangeResponse = z.infer<typeof appointmentChangeResponseSchema>;

// ---------------------------------------------------------------------------------------------- sync

/** POST /api/sync: no fields. 202 with the run (a new one, or the one already running, joined). */
export const startSyncRequestSchema = z.strictObject({});
export const startedSyncSchema = z.object({ syncRunId: z.string() });
export type StartedSync = z.infer<typeof startedSyncSchema>;

export const syncRunSchema = z.object({
  id: z.string(),
  businessId: z.string(),
  state: z.enum(SYNC_RUN_STATES),
  phase: z.string().nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  counts: z.object({
    added: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    removed: z.number().int(),
    rejected: z.number().int(),
  }),
  error: z.string().nullable(),
  /** Why it failed, as a kind: the tab says it in its language (syncErrorWords); absent from older servers. */
  errorKind: z.enum(SYNC_ERROR_KINDS).nullable().optional(),
  requestedBy: z.string().nullable(),
  source: z.string().nullable(),
  startedAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type SyncRunView = z.infer<typeof syncRunSchema>;

/** GET /api/sync?limit= : the latest runs, newest first. */
export const syncRunsQuerySchema = z.strictObject({ limit: wholeNumberText(1, 100).default(10) });
export const syncRunsResponseSchema = z.object({ runs: z.array(syncRunSchema) });
export type SyncRunsResponse = z.infer<typeof syncRunsResponseSchema>;

// ---------------------------------------------------------------------------------------------- setup

/** GET /api/setup */
export const setupResponseSchema = z.object({
  setup: setupSchema,
  /** 0 while nothing is stored; send it back with a change. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type SetupResponse = z.infer<typeof setupResponseSchema>;

/**
 * PATCH /api/setup: a JSON Merge Patch (objects merge, arrays replace, null resets to the default)
 * and the version the form was read at. 400 with `fields` per dotted path; 409 when someone saved since.
 */
export const setupPatchRequestSchema = z.strictObject({
  patch: z.record(z.string(), z.unknown(), { error: 'Send the settings to change as an object' }),
  version: z.number({ error: 'Send the version the setup was read at' }).int({ error: 'Send the version the setup was read at' }).min(0),
});

export const setupPatchResponseSchema = setupResponseSchema.extend({ changed: z.array(z.string()) });
export type SetupPatchResponse = z.infer<typeof setupPatchResponseSchema>;

// ---------------------------------------------------------------------------------------------- pickers and connections

/** GET /api/bookings/businesses: for the Bookings business picker. */
export const bookingsBusinessesResponseSchema = z.object({
  businesses: z.array(z.object({ id: z.string(), displayName: z.string().nullable() })),
});
export type BookingsBusinessesResponse = z.infer<typeof bookingsBusinessesResponseSchema>;

/** GET /api/catalog: the configured Bookings business's services and staff members, for naming ids and the filters. */
const catalogEntrySchema = z.object({ id: z.string(), displayName: z.string() });
export const catalogResponseSchema = z.object({
  services: z.array(catalogEntrySchema),
  staffMembers: z.array(catalogEntrySchema),
});
export type CatalogResponse = z.infer<typeof catalogResponseSchema>;

/** GET /api/business-central/companies: for the company picker. */
export const bcCompaniesResponseSchema = z.object({
  companies: z.array(z.object({ id: z.string(), name: z.string(), displayName: z.string() })),
});
export type BcCompaniesResponse = z.infer<typeof bcCompaniesResponseSchema>;

/**
 * GET /api/business-central/setup-tables?companyId= : the company's payment terms, payment and
 * shipment methods, tax areas and groups, units of measure, item categories and currencies, for
 * the template pickers (the saved setup's company when none is given). Each table sorted by code.
 */
export { SETUP_TABLES };
export type SetupTableName = (typeof SETUP_TABLES)[number];
export const setupTablesQuerySchema = z.strictObject({
  companyId: z.guid({ error: 'Use the company id from Business Central (a GUID)' }).optional(),
});
export type SetupTablesQuery = z.input<typeof setupTablesQuerySchema>;
const setupTableEntryViewSchema = z.object({ id: z.string(), code: z.string(), displayName: z.string() });
export type SetupTableEntryView = z.infer<typeof setupTableEntryViewSchema>;
export const setupTablesResponseSchema = z.object({
  /** What a blank currency code means: Business Central's currencies never list the local one. */
  localCurrency: z.string(),
  tables: z.object(
    Object.fromEntries(SETUP_TABLES.map((t) => [t, z.array(setupTableEntryViewSchema)])) as Record<
      SetupTableName,
      z.ZodArray<typeof setupTableEntryViewSchema>
    >,
  ),
  /** Items of type Service, not blocked, `code` being the item number: the no-show fee pickers. */
  serviceItems: z.array(setupTableEntryViewSchema),
});
export type SetupTablesResponse = z.infer<typeof setupTablesResponseSchema>;

/**
 * GET /api/setup/card-preview?timeZone=&language= : the daily summary card the bot would post for
 * yesterday, drawn on the server with the form's time zone (before it is saved) in the reader's language.
 */
export const cardPreviewQuerySchema = z.strictObject({
  timeZone: dailySummarySchema.shape.timeZone.unwrap(),
  language: z.enum(['en', 'da'], { error: 'Use en or da' }),
});
export type CardPreviewQuery = z.input<typeof cardPreviewQuerySchema>;
/** An expanded Adaptive Card: checked only for the shape a renderer needs, the rest is the card's own. */
export const cardPreviewResponseSchema = z.looseObject({
  type: z.literal('AdaptiveCard'),
  version: z.string(),
  body: z.array(z.looseObject({ type: z.string() })),
});
export type CardPreviewResponse = z.infer<typeof cardPreviewResponseSchema>;

/** GET /api/conversations: where the bot is installed, for choosing who gets the daily summary. */
const conversationKindSchema = z.enum(['personal', 'groupChat', 'channel']);
export type ConversationKind = z.infer<typeof conversationKindSchema>;
export const conversationsResponseSchema = z.object({
  conversations: z.array(
    z.object({
      id: z.string(),
      type: conversationKindSchema,
      /** "Team › Channel", the chat's title, "Personal chat with <user>", or the id when nothing else is known. */
      name: z.string(),
      /** The bot's last daily summary post here: when it was tried (ISO UTC) and why it failed, or null before the first. A failed post is retried at the next tick. */
      lastPost: z.object({ at: z.string(), error: z.string().nullable() }).nullable(),
    }),
  ),
});
export type ConversationsResponse = z.infer<typeof conversationsResponseSchema>;

/** POST /api/connections/test: checks the saved setup, or the company the form shows before saving. */
export const connectionTestRequestSchema = z.strictObject({
  companyId: z.guid({ error: 'Use the company id from Business Central (a GUID)' }).nullable().optional(),
});
export type ConnectionTestRequest = z.input<typeof connectionTestRequestSchema>;

export const connectionTestResponseSchema = z.object({
  bookings: z.object({
    ok: z.boolean(),
    businessName: z.string().optional(),
    currency: z.string().optional(),
    problems: z.array(z.string()),
    warnings: z.array(z.string()),
  }),
  businessCentral: z.object({
    ok: z.boolean(),
    companyName: z.string().optional(),
    localCurrency: z.string().optional(),
    problems: z.array(z.string()),
    warnings: z.array(z.string()),
    notes: z.array(z.string()),
  }),
});
export type ConnectionTestResponse = z.infer<typeof connectionTestResponseSchema>;

// ---------------------------------------------------------------------------------------------- audit

const { businessId: _auditBusinessId, ...auditFields } = listAuditLogRequestSchema.shape;

/** GET /api/audit?action=&limit=&offset= : this business's audit entries, newest first. */
export const auditQuerySchema = z.strictObject(auditFields);
export type AuditQuery = z.input<typeof auditQuerySchema>;
export const auditResponseSchema = auditPageSchema;
export type AuditResponse = AuditPage;
export { auditEntrySchema };
export type { AuditEntry };

// ---------------------------------------------------------------------------------------------- links (issue 13.4)

/** GET /api/services/:id/link-choices?search= and GET /api/customers/:id/link-choices?search= (admin). */
export const linkChoicesQuerySchema = z.strictObject({ search: linkSearchSchema });
export { serviceLinkChoicesSchema, customerLinkChoicesSchema, linkResultSchema };
export type { BcCustomerChoice, BcItemChoice, CustomerLinkChoices, LinkChoice, LinkResult, ServiceLinkChoices } from '../service/links/link-schemas';

/** PUT /api/services/:id/link and PUT /api/customers/:id/link (admin): an existing record by its id, or a new one from the template. */
export const linkRequestSchema = z.strictObject({ choice: linkChoiceSchema });

/** PUT /api/appointments/:id/customer (admin): an appointment without attendees is invoiced to an existing customer, or a new one by the name typed. */
export const appointmentCustomerRequestSchema = z.strictObject({ choice: appointmentLinkChoiceSchema });
export type { AppointmentLinkChoice } from '../service/links/link-schemas';

// ---------------------------------------------------------------------------------------------- CSV exports

/*
 * GET /api/export/... answer text/csv (UTF-8 with BOM, RFC 4180, formula cells escaped) as an
 * attachment. `lang` picks the language of the header and the words in the cells.
 */
const exportLanguageSchema = z.enum(['en', 'da'], { error: 'Use en or da' }).default('en');
export type ExportLanguage = z.output<typeof exportLanguageSchema>;

/** GET /api/export/invoice-runs?source=&lang= : every run, newest first. */
export const runsExportQuerySchema = z.strictObject({ source: invoiceRunsFields.source, lang: exportLanguageSchema });
/** GET /api/export/invoice-runs/:id/invoices?lang= : every invoice of one run. */
export const runInvoicesExportQuerySchema = z.strictObject({ lang: exportLanguageSchema });
/** GET /api/export/audit?action=&lang= : every audit entry, newest first. */
export const auditExportQuerySchema = z.strictObject({ action: listAuditLogRequestSchema.shape.action, lang: exportLanguageSchema });
/** GET /api/export/unbilled?<the Unbilled list's filter and sort>&lang= : every row of the current filter. */
export const unbilledExportQuerySchema = z.strictObject({
  ...unbilledFields,
  lang: exportLanguageSchema,
});
