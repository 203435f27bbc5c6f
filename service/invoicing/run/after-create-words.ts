import type { Language } from './run-error-words';

/**
 * Why posting or sending a verified draft failed, as stored on the invoice (`after_create_error`).
 * The draft (or the posted invoice) stands either way. No server-only imports: the tab uses this file.
 */
export const AFTER_CREATE_PROBLEMS = ['post-failed', 'send-failed', 'unconfirmed'] as const;
export type AfterCreateProblem = (typeof AFTER_CREATE_PROBLEMS)[number];

export const isAfterCreateProblem = (value: string): value is AfterCreateProblem => (AFTER_CREATE_PROBLEMS as readonly string[]).includes(value);

export const AFTER_CREATE_WORDS: Record<AfterCreateProblem, Record<Language, string>> = {
  'post-failed': {
    en: 'The draft was created, but Business Central refused to post it. Open it in Business Central, fix what it objects to and post it there.',
    da: 'Kladden blev oprettet, men Business Central ville ikke bogføre den. Åbn den i Business Central, ret det, den har indvendinger mod, og bogfør den dér.',
  },
  'send-failed': {
    en: 'The invoice was posted, but Business Central could not email it, for example because the customer has no email address. Send it from Business Central.',
    da: 'Fakturaen blev bogført, men Business Central kunne ikke sende den med e-mail, fx fordi kunden ingen e-mailadresse har. Send den fra Business Central.',
  },
  unconfirmed: {
    en: 'Business Central did not confirm whether the invoice was posted. It is never posted or sent twice; check it in Business Central.',
    da: 'Business Central bekræftede ikke, om fakturaen blev bogført. Den bliver aldrig bogført eller sendt to gange; tjek den i Business Central.',
  },
};

export function afterCreateWords(stored: string | null, language: Language = 'en'): string | null {
  if (stored === null) return null;
  return AFTER_CREATE_WORDS[isAfterCreateProblem(stored) ? stored : 'unconfirmed'][language];
}
