import type { AppointmentState } from './appointment';

/*
 * Who may carry the no-show mark, in one place: the service applies it when someone asks
 * (invoicing/no-shows.ts, with `ended` from its clock), and the tab and the bot apply it to an
 * unbilled row (with `ended` from the row's 'not-ended' reason) to offer only what will be accepted.
 */

/** Why an appointment may not take (or lose) the mark. */
export type NoShowRefusal = 'claimed' | 'invoiced' | 'cancelled' | 'not-ended';

export interface NoShowSubject {
  state: AppointmentState;
  /** The appointment's end has passed. */
  ended: boolean;
}

/**
 * What a run claimed or invoiced keeps as billed, so neither move touches it. Marking also needs
 * the appointment to have ended and to still exist in Bookings; undoing does not.
 */
export function noShowRefusal(subject: NoShowSubject, noShow: boolean): NoShowRefusal | null {
  if (subject.state === 'claimed' || subject.state === 'invoiced') return subject.state;
  if (!noShow) return null;
  if (subject.state === 'cancelled') return 'cancelled';
  return subject.ended ? null : 'not-ended';
}

export type NoShowAction = 'mark' | 'undo' | null;

/** What a face offers for an appointment marked (or not) as a no-show: the move the rule allows, if any. */
export function noShowActionOf(subject: NoShowSubject & { noShow: boolean }): NoShowAction {
  const wanted = !subject.noShow;
  if (noShowRefusal(subject, wanted) !== null) return null;
  return wanted ? 'mark' : 'undo';
}

/** `ended` as an unbilled row tells it: the server's eligibility says 'not-ended' until it has. */
export function endedByReasons(reasons: readonly string[]): boolean {
  return !reasons.includes('not-ended');
}
