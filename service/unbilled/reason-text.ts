import type { FeeKind } from '../domain/fees';
import type { Note, Reason } from './eligibility';

export type Language = 'en' | 'da';

/** Why an appointment cannot be invoiced, in words: as the cards and the CLI say it. */
const REASON_TEXT: Record<Language, Record<Reason, string>> = {
  en: {
    cancelled: 'Cancelled in Bookings',
    invoiced: 'Already invoiced',
    claimed: 'Being invoiced now',
    excluded: 'Marked as invoiced',
    'not-ended': 'Not ended yet',
    review: 'Changed in Bookings: needs review',
    'no-customer': 'No customer',
    'customer-without-email': 'Customer has no email',
    'customer-blocked': 'Customer blocked in Business Central',
    'invalid-price': 'Invalid price',
    'price-needed': 'Price needed',
    free: 'Free',
    'service-not-linked': 'Service not linked to a Business Central item',
    'fee-item-missing': 'No fee item set up for no-shows and late cancellations (Setup: noShowFee)',
  },
  da: {
    cancelled: 'Aflyst i Bookings',
    invoiced: 'Allerede faktureret',
    claimed: 'Faktureres nu',
    excluded: 'Markeret som faktureret',
    'not-ended': 'Ikke afsluttet endnu',
    review: 'Ændret i Bookings: skal gennemses',
    'no-customer': 'Ingen kunde',
    'customer-without-email': 'Kunden har ingen e-mail',
    'customer-blocked': 'Debitor spærret i Business Central',
    'invalid-price': 'Ugyldig pris',
    'price-needed': 'Prisen mangler',
    free: 'Gratis',
    'service-not-linked': 'Ydelsen er ikke knyttet til en vare i Business Central',
    'fee-item-missing': 'Ingen gebyrvare sat op til udeblivelser og sene afbud (Opsætning: noShowFee)',
  },
};

export function reasonText(reason: Reason, language: Language): string {
  return REASON_TEXT[language][reason];
}

const FEE_TEXT: Record<Language, Record<FeeKind, string>> = {
  en: { 'no-show': 'No-show fee', 'late-cancellation': 'Late cancellation fee' },
  da: { 'no-show': 'Gebyr for udeblivelse', 'late-cancellation': 'Gebyr for sent afbud' },
};

/** What a row bills instead of the service, in words (the tab's are in contract/words). */
export function feeKindText(kind: FeeKind, language: Language): string {
  return FEE_TEXT[language][kind];
}

/** A note beside a row that does not block it (service/unbilled NOTES). */
const NOTE_TEXT: Record<Language, Record<Note, string>> = {
  en: { 'last-attempt-failed': 'The last attempt to invoice this failed; it can be invoiced again' },
  da: { 'last-attempt-failed': 'Sidste forsøg på at fakturere den mislykkedes; den kan faktureres igen' },
};

export function noteText(note: Note, language: Language): string {
  return NOTE_TEXT[language][note];
}
