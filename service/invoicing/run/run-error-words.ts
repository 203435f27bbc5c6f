/**
 * Why a run ended early, as a kind: what people see is the words of the kind (English and
 * Danish, here and nowhere else), never the request, its URL, a stack or an idempotency key; those
 * stay in the log.
 */
export const RUN_ERROR_KINDS = [
  'bc-unreachable',
  'bc-busy',
  'bc-sign-in',
  'bc-unsettled',
  'bookings-unreachable',
  'bookings-busy',
  'bookings-sign-in',
  'unknown',
] as const;
export type RunErrorKind = (typeof RUN_ERROR_KINDS)[number];

export type Language = 'en' | 'da';

const ASK_AGAIN = {
  en: 'Try again in a few minutes; if it keeps failing, ask an admin.',
  da: 'Prøv igen om et par minutter; spørg en administrator, hvis det bliver ved.',
};

export const RUN_ERROR_WORDS: Record<RunErrorKind, Record<Language, string>> = {
  'bc-unreachable': {
    en: `Business Central could not be reached, so the invoices not listed as created were not created. Check the connection, then use Retry. ${ASK_AGAIN.en}`,
    da: `Business Central kunne ikke nås, så de fakturaer, der ikke står som oprettet, blev ikke oprettet. Tjek forbindelsen, og brug så Prøv igen. ${ASK_AGAIN.da}`,
  },
  'bc-busy': {
    en: `Business Central kept answering with errors, so the invoices not listed as created were not created. Use Retry. ${ASK_AGAIN.en}`,
    da: `Business Central blev ved med at svare med fejl, så de fakturaer, der ikke står som oprettet, blev ikke oprettet. Brug Prøv igen. ${ASK_AGAIN.da}`,
  },
  'bc-sign-in': {
    en: "The app could not sign in to Business Central, so no more invoices were created. Ask an admin to check the app's permissions.",
    da: 'Appen kunne ikke logge på Business Central, så der blev ikke oprettet flere fakturaer. Bed en administrator tjekke appens tilladelser.',
  },
  'bc-unsettled': {
    en: 'Business Central did not confirm some invoices yet. The run continues by itself shortly; nothing will be created twice.',
    da: 'Business Central har endnu ikke bekræftet nogle fakturaer. Kørslen fortsætter af sig selv om lidt; intet oprettes to gange.',
  },
  'bookings-unreachable': {
    en: `Bookings could not be reached to check the appointments again, so nothing was invoiced. Check the connection, then try again. ${ASK_AGAIN.en}`,
    da: `Bookings kunne ikke nås for at tjekke aftalerne igen, så intet blev faktureret. Tjek forbindelsen, og prøv igen. ${ASK_AGAIN.da}`,
  },
  'bookings-busy': {
    en: `Bookings kept answering with errors, so nothing more was invoiced. Try again. ${ASK_AGAIN.en}`,
    da: `Bookings blev ved med at svare med fejl, så der blev ikke faktureret mere. Prøv igen. ${ASK_AGAIN.da}`,
  },
  'bookings-sign-in': {
    en: "The app could not sign in to Bookings, so nothing was invoiced. Ask an admin to check the app's permissions.",
    da: 'Appen kunne ikke logge på Bookings, så intet blev faktureret. Bed en administrator tjekke appens tilladelser.',
  },
  unknown: {
    en: `Something went wrong, and the invoices not listed as created were not created. Use Retry. ${ASK_AGAIN.en}`,
    da: `Noget gik galt, og de fakturaer, der ikke står som oprettet, blev ikke oprettet. Brug Prøv igen. ${ASK_AGAIN.da}`,
  },
};

export function isRunErrorKind(text: string | null): text is RunErrorKind {
  return text !== null && (RUN_ERROR_KINDS as readonly string[]).includes(text);
}

/** The words for a stored run error: a kind, or text stored before kinds existed (shown as 'unknown'). */
export function runErrorWords(stored: string | null, language: Language = 'en'): string | null {
  if (stored === null) return null;
  return RUN_ERROR_WORDS[isRunErrorKind(stored) ? stored : 'unknown'][language];
}

/** What a person must never read: a URL or API path, a stack frame, an idempotency key, a correlation id. */
export const RAW_DETAIL = /https?:\/\/|\/v[12]\.0\/|\/api\/v2\.0|\bBKI-[A-Z0-9]|\n\s+at |\bat \S+ \(\S+:\d+:\d+\)|CorrelationId/i;
