import type { Language } from '../commands/command';
import type { CardCounts, RunState, SyncOutcome } from './card-input';
import { EARLIEST_YEAR, LATEST_YEAR, MAX_PERIOD_YEARS } from '../../service/domain/period-limits';

/** Formats a count in the card's locale. */
type Num = (value: number) => string;

/**
 * Every fixed phrase on a card, in both languages. Values interpolated here are either numbers or
 * strings the caller has already escaped.
 */
export interface CardText {
  period: string;
  completed: string;
  total: string;
  ready: string;
  cannotInvoice: string;
  byService: string;
  byStaff: string;
  appointments: string;
  noPrice: string;
  minutes: (n: string) => string;
  more: (n: string) => string;
  countAndTotal: (count: string, total: string) => string;
  empty: string;
  openTab: string;
  dailySummaryTitle: (label: string) => string;
  previewTitle: (label: string | null, customer: string | null) => string;
  previewNote: string;
  /** Over a card redrawn instead of invoiced: what it showed had changed by the click. */
  changedSinceShown: string;
  invoiceAll: (n: string) => string;
  /** Invoice all, once the plan is known: appointments and invoices apart. */
  invoiceAllCounts: (counts: CardCounts, n: Num) => string;
  invoicePreviewCounts: (counts: CardCounts, n: Num) => string;
  /** "17 appointments → 22 invoices, 22 customers" */
  counts: (counts: CardCounts, n: Num) => string;
  countsTitle: string;
  invoicePreview: (n: string) => string;
  unbilledTitle: (label: string | null, customer: string | null) => string;
  /** The unbilled list's row button, and the mark a marked row carries. */
  noShow: string;
  /** After a click: the appointment (already escaped) was marked; or why not, in words. */
  noShowMarked: (what: string) => string;
  noShowRefused: (why: string) => string;
  noShowGone: string;
  runProgressTitle: string;
  runState: Record<RunState, string>;
  planned: string;
  created: string;
  failed: string;
  progress: (done: string, planned: string, percent: string) => string;
  runResultTitle: (created: string, planned: string, failed: number) => string;
  invoices: string;
  failures: string;
  retryFailed: (n: string) => string;
  helpTitle: string;
  helpIntro: string;
  helpPeriods: string;
  helpOtherLanguage: string;
  notUnderstood: (text: string) => string;
  invalidDate: (text: string) => string;
  invalidRange: (text: string) => string;
  periodOutOfRange: (text: string) => string;
  periodTooLong: (text: string) => string;
  statusTitle: string;
  bookingsBusiness: string;
  businessCentralCompany: string;
  lastSync: string;
  syncOutcome: Record<SyncOutcome, string>;
  waiting: string;
  lastRun: string;
  runSummary: (created: string, failed: string) => string;
  nextSummary: string;
  never: string;
  refusalTitle: string;
  refusalText: string;
}

const enPlural = (count: number, word: string, n: Num) => `${n(count)} ${count === 1 ? word : `${word}s`}`;
const daCount = (count: number, one: string, many: string, n: Num) => `${n(count)} ${count === 1 ? one : many}`;

const en: CardText = {
  period: 'Period',
  completed: 'Completed appointments',
  total: 'Total',
  ready: 'Ready to invoice',
  cannotInvoice: 'Cannot be invoiced yet',
  byService: 'By service',
  byStaff: 'By staff',
  appointments: 'Appointments',
  noPrice: 'no price',
  minutes: (n) => `${n} min`,
  more: (n) => `… and ${n} more`,
  countAndTotal: (count, total) => `${count} · ${total}`,
  empty: 'No completed appointments in this period.',
  openTab: 'Open Unbilled Bookings',
  dailySummaryTitle: (label) => `Daily summary: ${label}`,
  previewTitle: (label, customer) =>
    `Preview: invoice ${[label, customer === null ? null : `for ${customer}`].filter((p) => p !== null).join(' ') || 'all unbilled'}`,
  previewNote: 'Nothing is invoiced until you click Invoice.',
  changedSinceShown: 'Nothing was invoiced: the appointments changed since this card was shown. Here they are as they are now; click again to invoice these.',
  invoiceAll: (n) => `Invoice all (${n})`,
  invoiceAllCounts: (c, n) => `Invoice all: ${enPlural(c.appointments, 'appointment', n)} → ${enPlural(c.invoices, 'invoice', n)}`,
  invoicePreviewCounts: (c, n) => `Invoice: ${enPlural(c.appointments, 'appointment', n)} → ${enPlural(c.invoices, 'invoice', n)}`,
  counts: (c, n) => `${enPlural(c.appointments, 'appointment', n)} → ${enPlural(c.invoices, 'invoice', n)}, ${enPlural(c.customers, 'customer', n)}`,
  countsTitle: 'Appointments → invoices',
  invoicePreview: (n) => `Invoice (${n})`,
  unbilledTitle: (label, customer) => ['Unbilled appointments', label, customer === null ? null : `for ${customer}`].filter((p) => p !== null).join(' · '),
  noShow: 'No-show',
  noShowMarked: (what) => `Marked ${what} as a no-show.`,
  noShowRefused: (why) => `Not marked as a no-show: ${why}.`,
  noShowGone: 'Not marked as a no-show: the appointment is no longer in the list.',
  runProgressTitle: 'Creating draft invoices',
  runState: { queued: 'Waiting to start', running: 'In progress', completed: 'Finished', failed: 'Stopped with an error' },
  planned: 'Planned',
  created: 'Created',
  failed: 'Failed',
  progress: (done, planned, percent) => `${done} of ${planned} invoices (${percent} %)`,
  runResultTitle: (created, planned, failed) =>
    failed === 0 ? `Created ${created} draft invoices` : `Created ${created} of ${planned} draft invoices; ${failed} failed`,
  invoices: 'Invoices',
  failures: 'Failed',
  retryFailed: (n) => `Retry failed (${n})`,
  helpTitle: 'What I can do',
  helpIntro: 'Write a command, with or without @mentioning me. Nothing is invoiced until you click Invoice on a preview.',
  helpPeriods: 'Periods: today, yesterday, this week, last week, this month, last month, 2026-11-05, 5/11/2026, 2026-11-01..2026-11-15.',
  helpOtherLanguage: 'På dansk: fakturer i går, fakturer sidste uge, ikke fakturerede, oversigt, synkroniser nu, status, hjælp.',
  notUnderstood: (text) => `I did not understand "${text}".`,
  invalidDate: (text) => `"${text}" contains a date that does not exist.`,
  invalidRange: (text) => `In "${text}" the period ends before it starts.`,
  periodOutOfRange: (text) => `"${text}" reaches outside the years ${EARLIEST_YEAR} to ${LATEST_YEAR}.`,
  periodTooLong: (text) => `In "${text}" the period is longer than ${MAX_PERIOD_YEARS} years.`,
  statusTitle: 'Status',
  bookingsBusiness: 'Bookings business',
  businessCentralCompany: 'Business Central company',
  lastSync: 'Last sync',
  syncOutcome: { succeeded: 'succeeded', failed: 'failed', running: 'running' },
  waiting: 'Waiting to be invoiced',
  lastRun: 'Last invoice run',
  runSummary: (created, failed) => `${created} created, ${failed} failed`,
  nextSummary: 'Next daily summary',
  never: 'never',
  refusalTitle: 'You are not allowed to create invoices',
  refusalText: 'Ask an administrator to give you the Invoicer role in Bookings Invoicing.',
};

const da: CardText = {
  period: 'Periode',
  completed: 'Afsluttede aftaler',
  total: 'I alt',
  ready: 'Klar til fakturering',
  cannotInvoice: 'Kan ikke faktureres endnu',
  byService: 'Pr. ydelse',
  byStaff: 'Pr. medarbejder',
  appointments: 'Aftaler',
  noPrice: 'ingen pris',
  minutes: (n) => `${n} min.`,
  more: (n) => `… og ${n} mere`,
  countAndTotal: (count, total) => `${count} · ${total}`,
  empty: 'Ingen afsluttede aftaler i perioden.',
  openTab: 'Åbn Ikke fakturerede bookinger',
  dailySummaryTitle: (label) => `Daglig oversigt: ${label}`,
  previewTitle: (label, customer) =>
    `Forhåndsvisning: fakturer ${[label, customer === null ? null : `for ${customer}`].filter((p) => p !== null).join(' ') || 'alle ikke fakturerede'}`,
  previewNote: 'Intet faktureres, før du klikker på Fakturer.',
  changedSinceShown: 'Intet blev faktureret: aftalerne har ændret sig, siden kortet blev vist. Her er de, som de er nu; klik igen for at fakturere dem.',
  invoiceAll: (n) => `Fakturer alle (${n})`,
  invoiceAllCounts: (c, n) => `Fakturer alle: ${daCount(c.appointments, 'aftale', 'aftaler', n)} → ${daCount(c.invoices, 'faktura', 'fakturaer', n)}`,
  invoicePreviewCounts: (c, n) => `Fakturer: ${daCount(c.appointments, 'aftale', 'aftaler', n)} → ${daCount(c.invoices, 'faktura', 'fakturaer', n)}`,
  counts: (c, n) =>
    `${daCount(c.appointments, 'aftale', 'aftaler', n)} → ${daCount(c.invoices, 'faktura', 'fakturaer', n)}, ${daCount(c.customers, 'kunde', 'kunder', n)}`,
  countsTitle: 'Aftaler → fakturaer',
  invoicePreview: (n) => `Fakturer (${n})`,
  unbilledTitle: (label, customer) => ['Ikke fakturerede aftaler', label, customer === null ? null : `for ${customer}`].filter((p) => p !== null).join(' · '),
  noShow: 'Udeblevet',
  noShowMarked: (what) => `${what} er markeret som udeblevet.`,
  noShowRefused: (why) => `Ikke markeret som udeblevet: ${why}.`,
  noShowGone: 'Ikke markeret som udeblevet: aftalen er ikke længere på listen.',
  runProgressTitle: 'Opretter kladdefakturaer',
  runState: { queued: 'Venter på at starte', running: 'I gang', completed: 'Færdig', failed: 'Stoppet med en fejl' },
  planned: 'Planlagt',
  created: 'Oprettet',
  failed: 'Fejlet',
  progress: (done, planned, percent) => `${done} af ${planned} fakturaer (${percent} %)`,
  runResultTitle: (created, planned, failed) =>
    failed === 0 ? `Oprettede ${created} kladdefakturaer` : `Oprettede ${created} af ${planned} kladdefakturaer; ${failed} fejlede`,
  invoices: 'Fakturaer',
  failures: 'Fejlede',
  retryFailed: (n) => `Prøv fejlede igen (${n})`,
  helpTitle: 'Det kan jeg',
  helpIntro: 'Skriv en kommando, med eller uden at @nævne mig. Intet faktureres, før du klikker på Fakturer på en forhåndsvisning.',
  helpPeriods: 'Perioder: i dag, i går, denne uge, sidste uge, denne måned, sidste måned, 5/11/2026, 5-11-2026, 2026-11-01..2026-11-15.',
  helpOtherLanguage: 'In English: invoice yesterday, invoice last week, unbilled, summary, sync now, status, help.',
  notUnderstood: (text) => `Jeg forstod ikke "${text}".`,
  invalidDate: (text) => `"${text}" indeholder en dato, der ikke findes.`,
  invalidRange: (text) => `I "${text}" slutter perioden, før den begynder.`,
  periodOutOfRange: (text) => `"${text}" rækker uden for årene ${EARLIEST_YEAR} til ${LATEST_YEAR}.`,
  periodTooLong: (text) => `I "${text}" er perioden længere end ${MAX_PERIOD_YEARS} år.`,
  statusTitle: 'Status',
  bookingsBusiness: 'Bookings-virksomhed',
  businessCentralCompany: 'Business Central-firma',
  lastSync: 'Seneste synkronisering',
  syncOutcome: { succeeded: 'lykkedes', failed: 'fejlede', running: 'i gang' },
  waiting: 'Venter på fakturering',
  lastRun: 'Seneste fakturakørsel',
  runSummary: (created, failed) => `${created} oprettet, ${failed} fejlede`,
  nextSummary: 'Næste daglige oversigt',
  never: 'aldrig',
  refusalTitle: 'Du har ikke adgang til at oprette fakturaer',
  refusalText: 'Bed en administrator om at give dig rollen Fakturerer i Bookings Invoicing.',
};

export const CARD_TEXT: Record<Language, CardText> = { en, da };
