import { z } from 'zod';
import { CARD_PERIOD_NAMES } from '../../service/conversations/card-period-names';

/**
 * The `verb` and `data` of every Action.Execute our cards carry. The data only names what to
 * re-read (a period, a preview, a run): the handler re-checks the caller's role and loads
 * appointments and amounts from the database, never from the card.
 */
export const CARD_VERBS = {
  invoiceAll: 'invoiceAll',
  retryFailed: 'retryFailed',
  refreshCard: 'refreshCard',
  markNoShow: 'markNoShow',
} as const;

export type CardVerb = (typeof CARD_VERBS)[keyof typeof CARD_VERBS];

const periodKey = z.string().regex(/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/);
const opaqueId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

/** What the Invoice button showed (shown-invoiceable.ts); absent from cards drawn before it was sent. */
const shown = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22}$/)
  .optional();
const dailySummaryRef = z.object({ cardKind: z.literal('dailySummary'), periodKey, shown });
const invoicePreviewRef = z.object({ cardKind: z.literal('invoicePreview'), previewId: opaqueId, shown });
const runProgressRef = z.object({ cardKind: z.literal('runProgress'), runId: opaqueId });
const runResultRef = z.object({ cardKind: z.literal('runResult'), runId: opaqueId });

/**
 * A row of an unbilled list (a chat reply, not a posted card): the appointment to mark, and the
 * list's filter to draw it again. The id is only a key: the service looks it up in the business
 * and applies its rule; the filter only chooses what is re-read.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const markNoShowDataSchema = z.strictObject({
  cardKind: z.literal('unbilledList'),
  appointmentId: z.string().min(1).max(512),
  firstDay: day.optional(),
  lastDay: day.optional(),
  customer: z.string().min(1).max(320).optional(),
  label: z.string().min(1).max(200).optional(),
  /** How the list's period was named: drawn again in the clicker's language (the label is for lists sent before it). */
  periodName: z.enum(CARD_PERIOD_NAMES).optional(),
});

export const invoiceAllDataSchema = z.discriminatedUnion('cardKind', [dailySummaryRef, invoicePreviewRef]);
export const retryFailedDataSchema = runResultRef;
export const refreshCardDataSchema = z.discriminatedUnion('cardKind', [dailySummaryRef, invoicePreviewRef, runProgressRef, runResultRef]);

export type InvoiceAllData = z.infer<typeof invoiceAllDataSchema>;
export type RetryFailedData = z.infer<typeof retryFailedDataSchema>;
export type RefreshCardData = z.infer<typeof refreshCardDataSchema>;
export type MarkNoShowData = z.infer<typeof markNoShowDataSchema>;

export const cardActionDataSchemas = {
  [CARD_VERBS.invoiceAll]: invoiceAllDataSchema,
  [CARD_VERBS.retryFailed]: retryFailedDataSchema,
  [CARD_VERBS.refreshCard]: refreshCardDataSchema,
  [CARD_VERBS.markNoShow]: markNoShowDataSchema,
} as const satisfies Record<CardVerb, z.ZodType>;

/** Teams allows auto-refresh for at most 60 users per card. */
export const MAX_REFRESH_USER_IDS = 60;
