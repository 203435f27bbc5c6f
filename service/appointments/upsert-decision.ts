import type { AppointmentState } from '../domain/appointment';
import { canMove } from '../domain/appointment-state';
import { changedAspects, type AppointmentRecord } from './appointment-record';

/** What the stored row must become when Bookings shows `incoming` again. */
export type UpsertDecision =
  | { kind: 'insert' }
  | { kind: 'unchanged' }
  /** Bookings' values replace the stored ones; `state` is the row's state afterwards. */
  | { kind: 'replace'; state: AppointmentState }
  /** The stored values were billed: they stay, and a person is asked to look. */
  | { kind: 'flag'; reviewReason: string };

export interface StoredAppointment {
  state: AppointmentState;
  reviewReason: string | null;
  contentHash: string;
  record: AppointmentRecord;
}

const BILLED: ReadonlySet<AppointmentState> = new Set(['claimed', 'invoiced']);

export const CANCELLED_AFTER_INVOICING = 'Cancelled in Bookings after invoicing';

export const changedAfterInvoicing = (aspects: readonly string[]): string => `Changed in Bookings after invoicing: ${aspects.join(', ')}`;

/** A cancelled row Bookings shows again: it was not cancelled after all. */
const reappeared = (state: AppointmentState): boolean => state === 'cancelled' && canMove('cancelled', 'unbilled');

/**
 * The state rules of DESIGN 6: unbilled (and excluded) appointments follow Bookings; claimed and
 * invoiced ones keep what was billed and get a review reason; a cancelled one seen again is back.
 */
export function decideUpsert(stored: StoredAppointment | undefined, incoming: AppointmentRecord, incomingHash: string): UpsertDecision {
  if (stored === undefined) return { kind: 'insert' };
  if (isUnchanged(stored.state, stored.contentHash, incomingHash)) return { kind: 'unchanged' };
  if (BILLED.has(stored.state)) {
    const aspects = changedAspects(stored.record, incoming);
    // A hash over the same values cannot differ; an empty list means the stored hash is stale.
    const reason = changedAfterInvoicing(aspects.length > 0 ? aspects : ['details']);
    return stored.reviewReason === reason ? { kind: 'unchanged' } : { kind: 'flag', reviewReason: reason };
  }
  return { kind: 'replace', state: reappeared(stored.state) ? 'unbilled' : stored.state };
}

/**
 * `decideUpsert`'s 'unchanged' for a row whose content Bookings shows again as stored, decided from its
 * state and hash alone: the sync's common case, told apart without reading the stored values.
 */
export function isUnchanged(state: AppointmentState, storedHash: string, incomingHash: string): boolean {
  return storedHash === incomingHash && !reappeared(state);
}
