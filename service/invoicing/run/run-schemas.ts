import { FEE_KINDS } from '../../domain/fees';
import { z } from 'zod';
import { runCountsSchema } from './run-counts';
import { RUN_ERROR_KINDS } from './run-error-words';
import { AFTER_CREATE_PROBLEMS } from './after-create-words';
import { REASONS } from '../../unbilled/eligibility';
import { isYearInRange, PERIOD_LIMIT_MESSAGES, periodLimitProblem } from '../../domain/period-limits';
import { noControlCharacters } from '../../domain/safe-text';
import { afterCreateSchema } from '../../setup/setup-schema';
import { InvalidRunRequestError } from './errors';

/*
 * The contract of an invoice run, shared by the tab's HTTP API, the bot and the CLI: what may be
 * asked (a selection), and what a run or a preview answers.
 */

export const MAX_SELECTED_IDS = 5_000;

const dateOrDateTimeError = 'Use a date such as 2026-11-01 or a date-time with an offset such as 2026-11-01T08:00:00Z';
const dateOrDateTime = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: dateOrDateTimeError })
  .refine(isYearInRange, { error: PERIOD_LIMIT_MESSAGES['out-of-range'] });
const optionalText = (what: string) =>
  z
    .string({ error: `Use text for ${what}` })
    .refine(...noControlCharacters)
    .trim()
    .max(200, { error: `Use at most 200 characters for ${what}` })
    .transform((v) => (v === '' ? undefined : v))
    .optional();

export const idSelectionSchema = z.strictObject({
  kind: z.literal('ids'),
  appointmentIds: z
    .array(
      z
        .string({ error: 'Use appointment ids' })
        .refine(...noControlCharacters)
        .trim()
        .min(1, { error: 'Use appointment ids' }),
      {
        error: 'Use a list of appointment ids',
      },
    )
    .min(1, { error: 'Select at least one appointment' })
    .max(MAX_SELECTED_IDS, { error: `Select at most ${MAX_SELECTED_IDS} appointments at once` })
    .overwrite((ids) => [...new Set(ids)]),
});

/** The unbilled query's filter (period on the start, customer, service, staff, search) without state or paging. */
export const filterSelectionSchema = z
  .strictObject({
    kind: z.literal('filter'),
    from: dateOrDateTime.optional(),
    to: dateOrDateTime.optional(),
    customer: optionalText('the customer'),
    serviceId: optionalText('the service'),
    staffMemberId: optionalText('the staff member'),
    search: optionalText('the search'),
  })
  .refine((f) => periodLimitProblem(f.from, f.to) !== 'too-long', { error: PERIOD_LIMIT_MESSAGES['too-long'], path: ['to'] });

export const selectionSchema = z.discriminatedUnion('kind', [idSelectionSchema, filterSelectionSchema], {
  error: "Use { kind: 'ids', appointmentIds } or { kind: 'filter', from, to, customer, ... }",
});
export type Selection = z.output<typeof selectionSchema>;
export type SelectionInput = z.input<typeof selectionSchema>;

export const RUN_SOURCES = ['tab', 'bot', 'cli', 'schedule'] as const;
export const runSourceSchema = z.enum(RUN_SOURCES);
export type RunSource = z.infer<typeof runSourceSchema>;

/** What one run may choose for itself; absent, the setup decides. */
export const runOptionsSchema = z.strictObject({ afterCreate: afterCreateSchema.optional() });
export type RunOptions = z.output<typeof runOptionsSchema>;
export type RunOptionsInput = z.input<typeof runOptionsSchema>;

export function parseRunOptions(input: unknown): RunOptions {
  const parsed = runOptionsSchema.safeParse(input ?? {});
  if (!parsed.success) throw new InvalidRunRequestError(parsed.error.issues.map((i) => ({ ...i, path: ['options', ...i.path] })));
  return parsed.data;
}

export const actorSchema = z.string({ error: 'A run needs who asked' }).trim().min(1, { error: 'A run needs who asked' }).max(320);

/** Why an appointment (or one attendee of it) is not invoiced: the unbilled query's reasons, plus two of the run's own. */
export const SKIP_REASONS = [...REASONS, 'unknown', 'attendee-invoiced'] as const;
export const skipReasonSchema = z.enum(SKIP_REASONS);
export type SkipReason = z.infer<typeof skipReasonSchema>;

export const skippedSchema = z.object({
  appointmentId: z.string(),
  /** Set when only one attendee of a group booking is skipped. */
  customerEmail: z.string().optional(),
  reason: skipReasonSchema,
  /** Every reason, first one first. */
  reasons: z.array(skipReasonSchema),
});
export type Skipped = z.infer<typeof skippedSchema>;

const moneySchema = z.object({ minor: z.number().int(), currency: z.string() });

export const RUN_STATES = ['planned', 'claimed', 'creating', 'verifying', 'succeeded', 'partial', 'failed', 'nothing'] as const;
export const runStateSchema = z.enum(RUN_STATES);
export type RunState = z.infer<typeof runStateSchema>;

export const INVOICE_STATUSES = ['planned', 'created', 'verified', 'mismatch', 'failed', 'deleted', 'posted', 'canceled'] as const;
export const invoiceStatusSchema = z.enum(INVOICE_STATUSES);
export type InvoiceStatus = z.infer<typeof invoiceStatusSchema>;

export const plannedLineSchema = z.object({
  appointmentId: z.string(),
  description: z.string(),
  serviceName: z.string(),
  start: z.string(),
  durationMinutes: z.number(),
  priceType: z.string(),
  quantity: z.number(),
  unitPrice: moneySchema,
  amount: moneySchema,
  review: z.array(z.string()),
  /** Billed as a no-show or late-cancellation fee instead of the service (the description says so in words). */
  feeKind: z.enum(FEE_KINDS).nullable().default(null),
});

export const plannedInvoiceSchema = z.object({
  customer: z.object({ name: z.string(), email: z.string() }),
  invoiceDate: z.string(),
  appointmentIds: z.array(z.string()),
  lines: z.array(plannedLineSchema),
  total: moneySchema,
});

export const previewSchema = z.object({
  /** What a run started now does after the drafts by default (the setup's choice); an invoicer may choose otherwise. */
  afterCreate: afterCreateSchema,
  invoices: z.array(plannedInvoiceSchema),
  skipped: z.array(skippedSchema),
  totals: z.array(moneySchema),
  counts: runCountsSchema,
});
export type Preview = z.infer<typeof previewSchema>;

export const runInvoiceSchema = z.object({
  id: z.string(),
  externalDocumentNumber: z.string(),
  status: invoiceStatusSchema,
  customer: z.object({ name: z.string(), email: z.string() }),
  bcCustomerId: z.string().nullable(),
  bcCustomerNumber: z.string().nullable(),
  bcInvoiceId: z.string().nullable(),
  number: z.string().nullable(),
  url: z.string().nullable(),
  invoiceDate: z.string().nullable(),
  amount: moneySchema,
  bcTotals: z.object({ excludingTax: z.number().int(), tax: z.number().int(), includingTax: z.number().int(), pricesIncludeTax: z.boolean() }).nullable(),
  appointmentIds: z.array(z.string()),
  /** Why it failed (its appointments were released), or what did not match on verify. */
  error: z.string().nullable(),
  verifyProblem: z.string().nullable(),
  /** The draft's number; `number` is the posted one once posted (Business Central numbers them apart). */
  draftNumber: z.string().nullable(),
  /** Emailed to the customer by Business Central (create and send). */
  sent: z.boolean(),
  /** Why posting or sending failed (after-create-words), the invoice standing as it is. */
  afterCreateProblem: z.enum(AFTER_CREATE_PROBLEMS).nullable(),
});
export type RunInvoice = z.infer<typeof runInvoiceSchema>;

export const runResultSchema = z.object({
  id: z.string(),
  state: runStateSchema,
  /** True when the run ended: a stopped run (error set, not finished) resumes on the next start. */
  finished: z.boolean(),
  requestedBy: z.string(),
  source: runSourceSchema,
  selection: selectionSchema,
  retryOf: z.string().nullable(),
  /** What the run does after its drafts are verified. */
  afterCreate: afterCreateSchema,
  progress: z.object({ planned: z.number().int(), created: z.number().int(), failed: z.number().int() }),
  /** Of the invoices in Business Central: its totals including VAT as read back (the planned amount of one not read back yet). */
  totals: z.array(moneySchema),
  /** Of the invoices that exist in Business Central. */
  counts: runCountsSchema,
  invoices: z.array(runInvoiceSchema),
  skipped: z.array(skippedSchema),
  /** In English words; `errorKind` lets a face say it in its language (runErrorWords). */
  error: z.string().nullable(),
  errorKind: z.enum(RUN_ERROR_KINDS).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type RunResult = z.infer<typeof runResultSchema>;

/**
 * What a face polls while a run goes: the run without its invoices (a finished run of 2,000 invoices
 * was 4.4 MB a second). The invoices come a page at a time from the run's invoice listing.
 */
export const runSummarySchema = runResultSchema.omit({ invoices: true, skipped: true }).extend({
  /** How many of the run's invoices stand in each status, all of them (the counts are of the live ones). */
  byStatus: z.partialRecord(invoiceStatusSchema, z.number().int()),
  /** How many appointments the run skipped (the list, one per appointment, was most of a large run's answer). */
  skippedCount: z.number().int(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const TERMINAL_RUN_STATES: readonly RunState[] = ['succeeded', 'partial', 'failed', 'nothing'];
export const isTerminal = (state: RunState): boolean => TERMINAL_RUN_STATES.includes(state);
