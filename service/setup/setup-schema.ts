import { z } from 'zod';
import { canonicalTimeZoneCase, isIanaTimeZone } from './time-zone';
import { noControlCharacters } from '../domain/safe-text';

/*
 * The setup of one connection (one Bookings business). Every object is strict, so a misspelt key
 * is an error instead of a silently ignored setting. Defaults sit on the fields themselves: a
 * document stored before a field existed reads back with that field's default.
 *
 * The roles start empty ("nobody yet"): the tab's first admin comes from configuration, not from here.
 */

export const LIMITS = {
  syncIntervalMinutes: { min: 5, max: 1440 },
  lookBackDays: { min: 1, max: 730 },
  overlapDays: { min: 0, max: 60 },
} as const;

const wholeNumber = (min: number, max: number, unit: string) => {
  const error = `Use a whole number of ${unit} from ${min} to ${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const flag = z.boolean({ error: 'Use true or false' });

// Business Central ids are GUIDs without a version constraint, hence guid and not uuid.
const bcId = (what: string) => z.guid({ error: `Use the ${what} id from Business Central (a GUID such as 5d115c9c-44e3-ea11-bb43-000d3a2feca1)` });

// Business Central upper-cases Code[n] fields; doing it here shows the user what will be stored.
const bcCode = (length: number, example: string) => {
  const error = `Use a Business Central code of 1 to ${length} characters, such as ${example}`;
  return z
    .string({ error })
    .refine(...noControlCharacters)
    .trim()
    .toUpperCase()
    .min(1, { error })
    .max(length, { error });
};

const identityError = 'Use an Entra object id (a GUID), or tenant id/object id for a user of another allowed tenant';
const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// Users are matched on tenant + object id only: an email claim is whatever the token's tenant says.
const userIdentity = z
  .string({ error: identityError })
  .trim()
  .toLowerCase()
  .regex(new RegExp(`^(${GUID}/)?${GUID}$`), { error: identityError });
const identities = z.array(userIdentity, { error: 'Use a list of Entra object ids' }).overwrite((list) => [...new Set(list)]);

export const customerTemplateSchema = z.strictObject({
  type: z.enum(['Person', 'Company'], { error: 'Use Person or Company' }).default('Person'),
  paymentTermsId: bcId('payment terms').optional(),
  // Blank is meaningful: Business Central then uses the company's local currency.
  currencyCode: z
    .string({ error: 'Use a 3-letter currency code such as DKK, or leave it blank for the local currency' })
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{3})?$/, { error: 'Use a 3-letter currency code such as DKK, or leave it blank for the local currency' })
    .optional(),
  taxAreaId: bcId('tax area').optional(),
  taxLiable: flag.optional(),
  shipmentMethodId: bcId('shipment method').optional(),
  paymentMethodId: bcId('payment method').optional(),
});

export const itemTemplateSchema = z.strictObject({
  type: z.literal('Service', { error: 'Items created for Bookings services are always of type Service' }).default('Service'),
  baseUnitOfMeasureCode: bcCode(10, 'HOUR').optional(),
  taxGroupCode: bcCode(20, 'SERVICES').optional(),
  generalProductPostingGroupCode: bcCode(20, 'SERVICES').optional(),
  itemCategoryCode: bcCode(20, 'CONSULT').optional(),
});

const clockTime = (fallback: string) =>
  z
    .string({ error: 'Use a 24-hour time such as 07:30' })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Use a 24-hour time such as 07:30' })
    .default(fallback);

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const weekday = z.enum(WEEKDAYS, { error: `Use a day of the week: ${WEEKDAYS.join(', ')}` });

const conversationListError = 'Use all, or a list of one or more conversation ids where the bot is installed';

export const dailySummarySchema = z.strictObject({
  enabled: flag.default(true),
  time: clockTime('07:30'),
  timeZone: z
    .string({ error: 'Not a time zone: use an IANA name such as Europe/Copenhagen' })
    .trim()
    .refine(isIanaTimeZone, { error: 'Not a time zone: use an IANA name such as Europe/Copenhagen' })
    .overwrite(canonicalTimeZoneCase)
    .default('Europe/Copenhagen'),
  postWhenEmpty: flag.default(false),
  conversationIds: z
    .union(
      [
        z.literal('all'),
        z
          .array(
            z
              .string({ error: conversationListError })
              .refine(...noControlCharacters)
              .trim()
              .min(1, { error: conversationListError }),
            {
              error: conversationListError,
            },
          )
          .min(1, { error: conversationListError })
          .overwrite((ids) => [...new Set(ids)]),
      ],
      { error: conversationListError },
    )
    .default('all'),
});

/**
 * The weekly card of overdue invoices, posted to the daily summary's conversations at this local
 * time (the summary's time zone: the business's) on this day; nothing is posted when nothing is overdue.
 */
export const overdueCardSchema = z.strictObject({
  enabled: flag.default(true),
  day: weekday.default('monday'),
  time: clockTime('08:00'),
});

export const AUTO_INVOICE_FREQUENCIES = ['daily', 'weekly'] as const;

/**
 * Automatic invoicing (off by default): at this local time, every day or on `day` each week, a
 * run invoices everything invoiceable up to yesterday, and its result card goes to the summary's
 * conversations.
 */
export const autoInvoiceSchema = z.strictObject({
  enabled: flag.default(false),
  frequency: z.enum(AUTO_INVOICE_FREQUENCIES, { error: `Use one of ${AUTO_INVOICE_FREQUENCIES.join(', ')}` }).default('daily'),
  day: weekday.default('monday'),
  time: clockTime('06:00'),
});

export const rolesSchema = z.strictObject({
  admins: identities.default([]),
  invoicers: identities.default([]),
  /**
   * Emails the lists held before users were matched on object ids (migration 0007): they grant
   * nothing, but while any remain the first-run rule stays closed, so the upgrade widens no one's
   * rights. Replace them with object ids, then empty this list.
   */
  unmatched: z.array(z.string().trim().toLowerCase()).default([]),
});

export const INVOICE_GROUPINGS = ['perCustomerPerRun', 'perAppointment', 'perCustomerPerMonth'] as const;

const feeRuleError = "Use { kind: 'fixed', amountMinor } (an amount in øre/cents) or { kind: 'percent', percent } (of the service's price)";

/**
 * No-shows and late cancellations are billed as a fee instead of the service: one fee item (a
 * Business Central item of type Service), or one per Bookings service id, and one rule.
 * `lateCancellationHours` 0 means no cancellation is late (none is billed).
 */
export const noShowFeeSchema = z.strictObject({
  itemId: bcId('fee item').nullable().default(null),
  perService: z.record(z.string().trim().min(1), bcId('fee item'), { error: 'Use Bookings service ids mapped to item ids' }).default({}),
  rule: z
    .discriminatedUnion(
      'kind',
      [
        z.strictObject({
          kind: z.literal('fixed'),
          amountMinor: z.number({ error: feeRuleError }).int({ error: feeRuleError }).min(0, { error: feeRuleError }),
        }),
        z.strictObject({ kind: z.literal('percent'), percent: wholeNumber(0, 100, 'percent') }),
      ],
      { error: feeRuleError },
    )
    .default({ kind: 'percent', percent: 100 }),
  lateCancellationHours: wholeNumber(0, 720, 'hours').default(0),
});
export type NoShowFee = z.infer<typeof noShowFeeSchema>;

/** What a run does once its drafts are verified: leave them as drafts, post them, or post and email them. */
export const AFTER_CREATE = ['draft', 'post', 'send'] as const;
export const afterCreateSchema = z.enum(AFTER_CREATE, { error: `Use one of ${AFTER_CREATE.join(', ')}` });
export type AfterCreate = z.infer<typeof afterCreateSchema>;

export const setupSchema = z.strictObject({
  businessId: z.email({ error: 'Use the Bookings business id, its email address such as contoso@contoso.onmicrosoft.com' }),
  companyId: bcId('company').nullable().default(null),
  pricesIncludeVat: flag.default(true),
  syncCustomers: flag.default(true),
  syncServices: flag.default(true),
  syncIntervalMinutes: wholeNumber(LIMITS.syncIntervalMinutes.min, LIMITS.syncIntervalMinutes.max, 'minutes').default(15),
  lookBackDays: wholeNumber(LIMITS.lookBackDays.min, LIMITS.lookBackDays.max, 'days').default(90),
  overlapDays: wholeNumber(LIMITS.overlapDays.min, LIMITS.overlapDays.max, 'days').default(3),
  customerTemplate: customerTemplateSchema.prefault({}),
  itemTemplate: itemTemplateSchema.prefault({}),
  invoiceGrouping: z.enum(INVOICE_GROUPINGS, { error: `Use one of ${INVOICE_GROUPINGS.join(', ')}` }).default('perCustomerPerRun'),
  addZeroLinesForFree: flag.default(false),
  // Off by default: posting cannot be undone in Business Central (only corrected by a credit memo).
  afterCreate: afterCreateSchema.default('draft'),
  noShowFee: noShowFeeSchema.prefault({}),
  dailySummary: dailySummarySchema.prefault({}),
  overdueCard: overdueCardSchema.prefault({}),
  autoInvoice: autoInvoiceSchema.prefault({}),
  roles: rolesSchema.prefault({}),
});

export type Setup = z.infer<typeof setupSchema>;
export type CustomerTemplate = Setup['customerTemplate'];
export type ItemTemplate = Setup['itemTemplate'];
export type DailySummary = Setup['dailySummary'];
export type InvoiceGrouping = Setup['invoiceGrouping'];
export type OverdueCard = Setup['overdueCard'];
export type AutoInvoice = Setup['autoInvoice'];

/** The setup of a business nobody has configured yet. */
export function defaultSetup(businessId: string, companyId?: string): Setup {
  return setupSchema.parse({ businessId, companyId: companyId ?? null });
}
