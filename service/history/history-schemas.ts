import { z } from 'zod';
import { runInvoiceSchema, runSourceSchema, runStateSchema } from '../invoicing/run/run-schemas';
import { paymentInfoSchema, paymentStateSchema } from '../payments/payment-state';
import { auditAboutSchema } from './audit-about';
import { whoSchema } from './who';

/*
 * The history contract shared with the tab's HTTP API: what may be asked (paging, filters) and
 * what a page of invoice runs or audit entries answers.
 */

export const MAX_HISTORY_LIMIT = 200;

const paging = {
  offset: z.coerce
    .number({ error: 'Use a whole number from 0' })
    .int({ error: 'Use a whole number from 0' })
    .min(0, { error: 'Use a whole number from 0' })
    .default(0),
  limit: z.coerce
    .number({ error: `Use a whole number from 1 to ${MAX_HISTORY_LIMIT}` })
    .int({ error: `Use a whole number from 1 to ${MAX_HISTORY_LIMIT}` })
    .min(1, { error: `Use a whole number from 1 to ${MAX_HISTORY_LIMIT}` })
    .max(MAX_HISTORY_LIMIT, { error: `Use a whole number from 1 to ${MAX_HISTORY_LIMIT}` })
    .default(50),
};

export const listInvoiceRunsRequestSchema = z.strictObject({
  businessId: z.string().trim().min(1),
  source: runSourceSchema.optional(),
  ...paging,
});
export type ListInvoiceRunsRequest = z.input<typeof listInvoiceRunsRequestSchema>;

const moneySchema = z.object({ minor: z.number().int(), currency: z.string() });

export const invoiceRunSummarySchema = z.object({
  id: z.string(),
  requestedBy: z.string(),
  /** requestedBy as a person reads it. */
  who: whoSchema,
  source: runSourceSchema,
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  state: runStateSchema,
  /** True when the run ended; an unfinished one is running or resumes on the next start. */
  finished: z.boolean(),
  counts: z.object({ planned: z.number().int(), created: z.number().int(), failed: z.number().int(), skipped: z.number().int() }),
  /** Of the invoices that exist in Business Central (created, verified, mismatch, posted). */
  totals: z.array(moneySchema),
  failures: z.number().int(),
  retryOf: z.string().nullable(),
  error: z.string().nullable(),
});
export type InvoiceRunSummary = z.infer<typeof invoiceRunSummarySchema>;

export const invoiceRunPageSchema = z.object({
  runs: z.array(invoiceRunSummarySchema),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type InvoiceRunPage = z.infer<typeof invoiceRunPageSchema>;

export const listAuditLogRequestSchema = z.strictObject({
  businessId: z.string().trim().min(1).optional(),
  /** An exact action ('invoice.run'), or a family ending in '.*' ('appointment.*'). */
  action: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*(\.\*)?$/, { error: "Use an action such as 'invoice.run' or 'appointment.*'" })
    .optional(),
  ...paging,
});
export type ListAuditLogRequest = z.input<typeof listAuditLogRequestSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  /** actor as a person reads it. */
  who: whoSchema,
  source: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  /** The subject named (an appointment's service, customers and start; an invoice's number), or null when not known. */
  about: auditAboutSchema.nullable(),
  /** The entry's JSON details; text that is not a JSON object comes back as { unparsed }. */
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const listRunInvoicesRequestSchema = z.strictObject({
  businessId: z.string().trim().min(1),
  runId: z.string().trim().min(1),
  ...paging,
});
export type ListRunInvoicesRequest = z.input<typeof listRunInvoicesRequestSchema>;

/** One of a run's invoices with what the last sync read of its payment in Business Central. */
export const runInvoiceWithPaymentSchema = runInvoiceSchema.extend({
  /** paymentState's answer on the page's `today`; null for one that never reached Business Central. */
  paymentState: paymentStateSchema.nullable(),
  payment: paymentInfoSchema.nullable(),
});
export type RunInvoiceWithPayment = z.infer<typeof runInvoiceWithPaymentSchema>;

/** A page of one run's invoices, in the order the run planned them. */
export const runInvoicePageSchema = z.object({
  invoices: z.array(runInvoiceWithPaymentSchema),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  /** The business's local date the payment states were decided on. */
  today: z.string(),
});
export type RunInvoicePage = z.infer<typeof runInvoicePageSchema>;
