import { reasonText, type Language } from '../../unbilled/reason-text';
import type { RunState, SkipReason } from './run-schemas';

const RUN_OWN: Record<Language, Record<Exclude<SkipReason, Parameters<typeof reasonText>[0]>, string>> = {
  en: { unknown: 'Not found (no longer in Bookings)', 'attendee-invoiced': 'Attendee already invoiced' },
  da: { unknown: 'Ikke fundet (ikke længere i Bookings)', 'attendee-invoiced': 'Deltageren er allerede faktureret' },
};

/** Why a run left an appointment (or an attendee) out, in words. */
export function skipReasonText(reason: SkipReason, language: Language): string {
  return reason === 'unknown' || reason === 'attendee-invoiced' ? RUN_OWN[language][reason] : reasonText(reason, language);
}

const RUN_STATE_TEXT: Record<RunState, string> = {
  planned: 'planned',
  claimed: 'appointments claimed',
  creating: 'creating invoices',
  verifying: 'checking the invoices',
  succeeded: 'succeeded',
  partial: 'partly failed',
  failed: 'failed',
  nothing: 'nothing to invoice',
};

/** A run's state as the CLI says it. */
export const runStateText = (state: RunState): string => RUN_STATE_TEXT[state];
