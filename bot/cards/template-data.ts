import { z } from 'zod';
import { markNoShowDataSchema, MAX_REFRESH_USER_IDS } from './action-data';

/**
 * The data each adaptiveCards/*.json template binds to. A field the template names but the data
 * lacks would be left in the card as a literal `${field}`, so every template's data is parsed
 * against its schema before expansion.
 */

const text = z.string();
const fact = z.object({ title: text, value: text });
const opaqueId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
const periodKey = z.string().regex(/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/);
const tabUrl = z.url({ protocol: /^https?$/ });
/** shown-invoiceable.ts's digest of what the Invoice button showed. */
const shownDigest = z.string().regex(/^[A-Za-z0-9_-]{22}$/);
const refreshUserIds = z.array(z.string().min(1)).max(MAX_REFRESH_USER_IDS);

const appointmentLine = z.object({ when: text, customer: text, service: text, staff: text, price: text });
const problemLine = z.object({ when: text, customer: text, service: text, reason: text });

const appointmentSections = z.object({
  title: text,
  facts: z.array(fact),
  emptyText: text,
  byServiceHeading: text,
  byService: z.array(fact),
  byStaffHeading: text,
  byStaff: z.array(fact),
  problemsHeading: text,
  problems: z.array(problemLine),
  problemsMore: text,
  appointmentsHeading: text,
  appointments: z.array(appointmentLine),
  appointmentsMore: text,
  openTitle: text,
  tabUrl,
});

/** An unbilled list's row: " · No-show" once marked, else its No-show button with what the button sends. */
const noShowFields = { noShowText: text, canMarkNoShow: z.boolean(), noShowData: markNoShowDataSchema.optional() };

export const templateDataSchemas = {
  'daily-summary': appointmentSections.extend({
    periodKey,
    shown: shownDigest,
    changedNote: text,
    canInvoice: z.boolean(),
    invoiceTitle: text,
    refreshUserIds,
  }),
  'invoice-preview': appointmentSections.extend({
    note: text,
    previewId: opaqueId,
    shown: shownDigest,
    changedNote: text,
    canInvoice: z.boolean(),
    invoiceTitle: text,
    refreshUserIds,
  }),
  'unbilled-list': appointmentSections.extend({
    note: text,
    noShowTitle: text,
    problems: z.array(problemLine.extend(noShowFields)),
    appointments: z.array(appointmentLine.extend(noShowFields)),
  }),
  'run-progress': z.object({
    title: text,
    stateText: text,
    percent: z.number().int().min(0).max(100),
    progressText: text,
    facts: z.array(fact),
    runId: opaqueId,
    refreshUserIds,
    openTitle: text,
    tabUrl,
  }),
  'run-result': z.object({
    title: text,
    facts: z.array(fact),
    invoicesHeading: text,
    invoices: z.array(z.object({ number: text, customer: text, amount: text })),
    invoicesMore: text,
    failuresHeading: text,
    failures: z.array(z.object({ customer: text, reason: text })),
    failuresMore: text,
    canRetry: z.boolean(),
    retryTitle: text,
    runId: opaqueId,
    openTitle: text,
    tabUrl,
  }),
  help: z.object({
    title: text,
    notice: text,
    intro: text,
    commands: z.array(fact),
    periods: text,
    otherLanguage: text,
  }),
  status: z.object({ title: text, facts: z.array(fact), openTitle: text, tabUrl }),
  'overdue-invoices': z.object({
    title: text,
    facts: z.array(fact),
    invoicesHeading: text,
    invoices: z.array(z.object({ number: text, customer: text, remaining: text, due: text })),
    invoicesMore: text,
    openTitle: text,
    tabUrl,
  }),
  refusal: z.object({ title: text, text }),
  'install-greeting': z.object({
    title: text,
    intro: text,
    tryHeading: text,
    tryCommands: z.array(z.object({ title: text, value: text })),
    setupButton: text,
    setupUrl: z.union([z.literal(''), tabUrl]),
  }),
} as const;

export type TemplateName = keyof typeof templateDataSchemas;
export type TemplateData<N extends TemplateName> = z.infer<(typeof templateDataSchemas)[N]>;
export type AppointmentSectionsData = z.infer<typeof appointmentSections>;
