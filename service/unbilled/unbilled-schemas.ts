import { z } from 'zod';
import { APPOINTMENT_STATES } from '../domain/appointment';
import { NOTES, REASONS } from './eligibility';
import { FEE_KINDS } from '../domain/fees';
import { isYearInRange, PERIOD_LIMIT_MESSAGES, periodLimitProblem } from '../domain/period-limits';
import { noControlCharacters } from '../domain/safe-text';

/*
 * The contract of the unbilled query, shared with the tab's HTTP API, the bot and the CLI.
 */

// 'unbilled' (ready or not) is one of the stored states too, so it is listed once, among them.
export const STATE_FILTERS = ['invoiceable', 'not-invoiceable', 'all', ...APPOINTMENT_STATES] as const;
/** price: the unit price (per hour for hourly); amount: what the appointment will be invoiced at. */
export const SORT_KEYS = ['start', 'end', 'customer', 'service', 'price', 'amount', 'duration', 'state'] as const;
export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;
const MAX_TEXT = 200;
/** Far more than the longest sort keys give (an id and two names). */
const MAX_CURSOR = 2000;

const dateOrDateTimeError = 'Use a date such as 2026-11-01 or a date-time with an offset such as 2026-11-01T08:00:00Z';
/** A date (a whole local day in the business's time zone) or an instant. */
const dateOrDateTime = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: dateOrDateTimeError })
  .refine(isYearInRange, { error: PERIOD_LIMIT_MESSAGES['out-of-range'] });

const optionalText = (what: string) =>
  z
    .string({ error: `Use text for ${what}` })
    .refine(...noControlCharacters)
    .trim()
    .max(MAX_TEXT, { error: `Use at most ${MAX_TEXT} characters for ${what}` })
    .transform((v) => (v === '' ? undefined : v))
    .optional();

const id = (what: string) =>
  z
    .string({ error: `Use the ${what} id` })
    .refine(...noControlCharacters)
    .trim()
    .min(1, { error: `Use the ${what} id` })
    .optional();

const isDate = (v: string) => v.length === 10;

/** Only two values of one kind compare without the business's time zone; mixed ones are left to the query. */
function isAfter(from: string, to: string): boolean {
  if (isDate(from) !== isDate(to)) return false;
  return isDate(from) ? from > to : Date.parse(from) > Date.parse(to);
}

export const unbilledFilterSchema = z
  .strictObject({
    /** The Bookings business id; lower-cased as every stored row's business_id. */
    businessId: z
      .string({ error: 'Use the Bookings business id' })
      .refine(...noControlCharacters)
      .trim()
      .min(1, { error: 'Use the Bookings business id' })
      .transform((v) => v.toLowerCase()),
    /** On the appointment start, inclusive. A date starts at local midnight. */
    from: dateOrDateTime.optional(),
    /** On the appointment start: a date includes that whole local day; a date-time is exclusive. */
    to: dateOrDateTime.optional(),
    /** A Bookings customer id, or text found in an attendee's name or email. */
    customer: optionalText('the customer'),
    serviceId: id('service'),
    staffMemberId: id('staff member'),
    /**
     * invoiceable: can be invoiced now. not-invoiceable: unbilled but blocked (with reasons).
     * unbilled: both. all: every state. Or one stored state.
     */
    state: z.enum(STATE_FILTERS, { error: `Use one of ${STATE_FILTERS.join(', ')}` }).default('invoiceable'),
    /** Only appointments held back (among others) by this reason: to work through one kind of fix. */
    reason: z.enum(REASONS, { error: `Use one of ${REASONS.join(', ')}` }).optional(),
    /** Words that must all occur in an attendee's name or email or the service name, in any letter case. */
    search: optionalText('the search'),
  })
  .refine((f) => f.from === undefined || f.to === undefined || !isAfter(f.from, f.to), {
    error: 'from must not be after to',
    path: ['to'],
  })
  .refine((f) => periodLimitProblem(f.from, f.to) !== 'too-long', { error: PERIOD_LIMIT_MESSAGES['too-long'], path: ['to'] });

export const unbilledRequestSchema = unbilledFilterSchema.safeExtend({
  sort: z.enum(SORT_KEYS, { error: `Use one of ${SORT_KEYS.join(', ')}` }).default('start'),
  direction: z.enum(['asc', 'desc'], { error: 'Use asc or desc' }).default('asc'),
  offset: z.number({ error: 'Use a whole number from 0' }).int({ error: 'Use a whole number from 0' }).min(0).default(0),
  limit: z
    .number({ error: `Use a whole number from 1 to ${MAX_LIMIT}` })
    .int({ error: `Use a whole number from 1 to ${MAX_LIMIT}` })
    .min(1, { error: `Use a whole number from 1 to ${MAX_LIMIT}` })
    .max(MAX_LIMIT, { error: `Use a whole number from 1 to ${MAX_LIMIT}` })
    .default(DEFAULT_LIMIT),
  /**
   * The `after` of an answer for the same sort, direction and state: the page is then the rows that
   * follow that answer's last row (the Next button), found by the index without walking past the rows
   * before it; `offset` is then only echoed, as the position the caller says the page has. Opaque here:
   * the query checks it against the order it applies it to (list-cursor.ts cursorKeys), decoding it once.
   */
  after: z.string({ error: 'Use the after of an earlier answer' }).max(MAX_CURSOR, { error: 'Use the after of an earlier answer' }).optional(),
});

export type UnbilledFilterInput = z.input<typeof unbilledFilterSchema>;
export type UnbilledFilter = z.output<typeof unbilledFilterSchema>;
export type UnbilledRequestInput = z.input<typeof unbilledRequestSchema>;
export type UnbilledRequest = z.output<typeof unbilledRequestSchema>;
export type StateFilter = (typeof STATE_FILTERS)[number];
export type SortKey = (typeof SORT_KEYS)[number];

const moneySchema = z.object({ minor: z.number().int(), currency: z.string() });

export const unbilledCustomerSchema = z.object({
  customerId: z.string(),
  name: z.string(),
  /** '' when the customer has no email. */
  email: z.string(),
  timeZone: z.string().nullable(),
  /** The Business Central customer linked to this Bookings customer (its number, and whether it blocks invoicing); absent before any. */
  businessCentral: z.object({ number: z.string(), blocked: z.boolean() }).nullable().optional(),
});

export const unbilledRowSchema = z.object({
  /** The Graph appointment id. */
  id: z.string(),
  start: z.string(),
  end: z.string(),
  durationMinutes: z.number(),
  serviceId: z.string().nullable(),
  serviceName: z.string(),
  staffMemberIds: z.array(z.string()),
  customers: z.array(unbilledCustomerSchema),
  /** Each attendee's unit price (per hour for hourly); null when unknown or invalid. */
  price: moneySchema.nullable(),
  /** What invoicing the appointment bills, all attendees together (the fee, for a fee); null when the price is unknown. */
  amount: moneySchema.nullable(),
  /**
   * Billed as a fee instead of the service (issue 17.1): a no-show, or a late cancellation; amount
   * is each attendee's fee, null when it cannot be computed (a percent of an unknown price).
   */
  fee: z
    .object({ kind: z.enum(FEE_KINDS), amount: moneySchema.nullable() })
    .nullable()
    .default(null),
  priceType: z.string(),
  state: z.enum(APPOINTMENT_STATES),
  /** The first blocking reason; null when invoiceable. */
  reason: z.enum(REASONS).nullable(),
  reasons: z.array(z.enum(REASONS)),
  /** Said beside the row without blocking it (eligibility.ts NOTES). */
  note: z.enum(NOTES).nullable(),
  reviewReason: z.string().nullable(),
  enteredPrice: moneySchema.nullable(),
  /** Marked by a person as a no-show (the customer did not come). */
  noShow: z.boolean(),
  /** The appointment's currency: the one a typed price must be in. */
  currency: z.string(),
});

const dayAmountsSchema = z.object({
  /** Local date (YYYY-MM-DD) in the setup's daily summary time zone. */
  day: z.string(),
  count: z.number().int(),
  amounts: z.array(moneySchema),
});

export const unbilledResponseSchema = z.object({
  rows: z.array(unbilledRowSchema),
  /** Rows matching the filter, all pages. */
  total: z.number().int(),
  /** The invoiceable rows among those matching the filter. */
  totals: z.object({ count: z.number().int(), amounts: z.array(moneySchema) }),
  /** The invoiceable rows matching the filter by local day of their start, days without any left out. */
  byDay: z.array(dayAmountsSchema),
  offset: z.number().int(),
  limit: z.number().int(),
  /** For the next page (the request's `after`); absent when the page is not full, so nothing follows. */
  after: z.string().optional(),
});

export type UnbilledRow = z.infer<typeof unbilledRowSchema>;
export type UnbilledCustomer = z.infer<typeof unbilledCustomerSchema>;
export type UnbilledResponse = z.infer<typeof unbilledResponseSchema>;
export type DayAmounts = z.infer<typeof dayAmountsSchema>;
