import type { Language } from '../commands';

/** The invoke named no card or run we know, or its data does not parse: answered with 400, nothing done. */
export class BadCardActionError extends Error {
  override readonly name = 'BadCardActionError';
}

/**
 * What Teams shows beside a card whose click failed, in the clicker's language. The reason (and
 * the request behind it) is in the log only.
 */
export const CARD_ACTION_ERROR_WORDS: Record<'bad-action' | 'failed', Record<Language, string>> = {
  'bad-action': {
    en: 'This card is out of date. Ask for a new one (for example "invoice yesterday"), or open the Unbilled Bookings tab.',
    da: 'Dette kort er forældet. Bed om et nyt (for eksempel "fakturer i går"), eller åbn fanen Ikke fakturerede bookinger.',
  },
  failed: {
    en: 'The action failed and nothing was invoiced by it. Try again in a minute; if it keeps failing, ask an admin.',
    da: 'Handlingen mislykkedes, og intet blev faktureret af den. Prøv igen om et minut; spørg en administrator, hvis det bliver ved.',
  },
};

export function cardActionErrorWords(err: unknown, language: Language): string {
  return CARD_ACTION_ERROR_WORDS[err instanceof BadCardActionError ? 'bad-action' : 'failed'][language];
}
