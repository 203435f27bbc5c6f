import type { AppointmentState } from './appointment';

/**
 * The only moves an appointment's state may make. Invoiced appointments never change silently:
 * a cancellation or change in Bookings flags them for review instead of moving them.
 */
const TRANSITIONS: Record<AppointmentState, readonly AppointmentState[]> = {
  unbilled: ['claimed', 'excluded', 'cancelled'],
  // Recorded, or released after a failed invoice (a released late cancellation keeps its
  // cancelled_seen_at, so it stays a fee until the next sync finds it missing again).
  claimed: ['invoiced', 'unbilled'],
  invoiced: ['unbilled'], // its draft was deleted in Business Central
  excluded: ['unbilled'], // "mark as invoiced" undone
  // It reappeared in Bookings, or its fee (a late cancellation, a no-show cancelled since) is being
  // invoiced, or a person waived that fee (Exclude).
  cancelled: ['unbilled', 'claimed', 'excluded'],
};

export function canMove(from: AppointmentState, to: AppointmentState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The states a transition to `to` may start from (for guarded UPDATE ... WHERE state IN (...)). */
export function statesMovingTo(to: AppointmentState): AppointmentState[] {
  return (Object.keys(TRANSITIONS) as AppointmentState[]).filter((from) => TRANSITIONS[from].includes(to));
}
