import { RAW_DETAIL, type Language } from './run-error-words';

/**
 * Why one invoice of a run failed, as a kind. The store keeps the English text the run wrote (no
 * migration); the kind is read from it here, in one place, and every face (tab, bot card, CLI)
 * shows the kind's words in its language. No server-only imports: the tab uses this file.
 */
export const INVOICE_ERROR_KINDS = [
  'bc-refused',
  'no-customer',
  'gave-up',
  'wrong-draft-deleted',
  'deleted-before-verify',
  'deleted-in-bc',
  'unknown',
] as const;
export type InvoiceErrorKind = (typeof INVOICE_ERROR_KINDS)[number];

/**
 * An invoice of a run that failed: refused or never answered ('failed'), or its draft deleted in
 * Business Central before or after it was verified ('deleted'). No invoice remains, its appointments
 * are unbilled again, and Retry takes them up: every face lists and counts these as the failures.
 */
export const isFailedInvoice = (invoice: { status: string }): boolean => invoice.status === 'failed' || invoice.status === 'deleted';

/** The texts the run stores on a failed invoice; the writers use these, so reading them back cannot drift. */
export const STORED_INVOICE_ERRORS = {
  /** Business Central refused the invoice without words of its own (its words are stored when it has some). */
  bcRefused: 'Business Central refused this invoice',
  /** Followed by ": " and the customer's skip reason. */
  noCustomerPrefix: 'No Business Central customer',
  gaveUp: 'Business Central did not answer before the run gave up; no draft was found for this invoice',
  /** Followed by ": " and what differed. */
  wrongDraftDeleted: "Business Central's draft did not match the Bookings amounts after correction and was deleted",
  deletedBeforeVerify: 'The draft was deleted in Business Central before it was verified',
  deletedInBc: 'The draft was deleted in Business Central',
} as const;

export const INVOICE_ERROR_WORDS: Record<InvoiceErrorKind, Record<Language, string>> = {
  'bc-refused': {
    en: 'Business Central refused this invoice, so it was not created and its appointments are unbilled again. Fix what Business Central objects to, such as the customer, an item or a price, then invoice them again.',
    da: 'Business Central afviste fakturaen, så den blev ikke oprettet, og dens aftaler er ufakturerede igen. Ret det, Business Central har indvendinger mod, fx kunden, en vare eller en pris, og fakturer dem så igen.',
  },
  'no-customer': {
    en: 'No Business Central customer could be found or created for this customer, for example because Bookings has no email address for them, so no invoice was created and the appointments are unbilled again. Fix the customer in Bookings or Business Central, then invoice again.',
    da: 'Der kunne ikke findes eller oprettes en Business Central-kunde til denne kunde, fx fordi Bookings ikke har kundens e-mailadresse, så der blev ikke oprettet en faktura, og aftalerne er ufakturerede igen. Ret kunden i Bookings eller Business Central, og fakturer så igen.',
  },
  'gave-up': {
    en: 'Business Central did not answer before the run gave up, and no draft was found, so no invoice was created and the appointments are unbilled again. Invoice them again later; a draft that turns up in Business Central is picked up, never created twice.',
    da: 'Business Central svarede ikke, før kørslen gav op, og der blev ikke fundet en kladde, så der blev ikke oprettet en faktura, og aftalerne er ufakturerede igen. Fakturer dem igen senere; en kladde, der dukker op i Business Central, bliver brugt og aldrig oprettet to gange.',
  },
  'wrong-draft-deleted': {
    en: "Business Central's draft did not match the Bookings amounts even after correction, so the draft was deleted: no invoice remains and the appointments are unbilled again. Check the item's price and VAT in Business Central, then invoice again.",
    da: 'Business Centrals kladde passede ikke med beløbene i Bookings, heller ikke efter rettelse, så kladden blev slettet: der er ingen faktura, og aftalerne er ufakturerede igen. Tjek varens pris og moms i Business Central, og fakturer så igen.',
  },
  'deleted-before-verify': {
    en: 'The draft was deleted in Business Central before it was checked, so no invoice remains and the appointments are unbilled again. Invoice them again if they should be billed.',
    da: 'Kladden blev slettet i Business Central, før den blev tjekket, så der er ingen faktura, og aftalerne er ufakturerede igen. Fakturer dem igen, hvis de skal faktureres.',
  },
  'deleted-in-bc': {
    en: 'The draft was deleted in Business Central, so no invoice remains and its appointments are unbilled again. Invoice them again if they should be billed.',
    da: 'Kladden blev slettet i Business Central, så der er ingen faktura, og dens aftaler er ufakturerede igen. Fakturer dem igen, hvis de skal faktureres.',
  },
  unknown: {
    en: 'This invoice failed and was not created; its appointments are unbilled again. Invoice them again; if it keeps failing, ask an admin.',
    da: 'Fakturaen fejlede og blev ikke oprettet; dens aftaler er ufakturerede igen. Fakturer dem igen; spørg en administrator, hvis det bliver ved.',
  },
};

const QUOTE_INTRO: Record<Language, string> = { en: 'Business Central said', da: 'Business Central skrev' };

/** A refusal quoted after the words is kept short (the bot card shows 400 characters a reason): it is Business Central's sentence, not a report. */
const MAX_QUOTE = 150;

/**
 * The kind of a stored failure, and Business Central's own refusal when it is safe to quote (no
 * URL, stack, key or correlation id). Any text that is not one of ours is Business Central's
 * refusal (send-drafts stores its words); text carrying request detail was stored before kinds
 * existed and is 'unknown'.
 */
export function invoiceErrorKind(stored: string): { kind: InvoiceErrorKind; quote: string | null } {
  const text = stored.trim();
  const S = STORED_INVOICE_ERRORS;
  if (text.startsWith(S.noCustomerPrefix)) return { kind: 'no-customer', quote: null };
  if (text === S.gaveUp) return { kind: 'gave-up', quote: null };
  if (text.startsWith(S.wrongDraftDeleted)) return { kind: 'wrong-draft-deleted', quote: null };
  if (text === S.deletedBeforeVerify) return { kind: 'deleted-before-verify', quote: null };
  if (text === S.deletedInBc) return { kind: 'deleted-in-bc', quote: null };
  if (text === '' || RAW_DETAIL.test(text)) return { kind: 'unknown', quote: null };
  if (text === S.bcRefused) return { kind: 'bc-refused', quote: null };
  return { kind: 'bc-refused', quote: text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text };
}

/** An invoice's failure as a face shows it: the kind's words, then Business Central's refusal quoted when safe. */
export function invoiceErrorWords(stored: string | null, language: Language = 'en'): string | null {
  if (stored === null) return null;
  const { kind, quote } = invoiceErrorKind(stored);
  const words = INVOICE_ERROR_WORDS[kind][language];
  return quote === null ? words : `${words} ${QUOTE_INTRO[language]}: “${quote}”`;
}
