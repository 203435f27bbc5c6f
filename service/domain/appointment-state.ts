import type { AppointmentState } from './appointment';

/**
 * The only moves an appointment's state may make. Invoiced appointments never change silently:
 * a cancellation or change in Bookings flags them for review instead of moving them.
 */
const TRANSITIONS: Record<AppointmentState, readonly AppointmentState[]> = {
  unbilled: ['claimed', 'excluded', 'cancelled'],
  claimed: ['invoiced', 'unbilled'], // recorded, or released after a failed invoice
  invoiced: ['unbilled'], // its draft was deleted in Business Central
  excluded: ['unbilled'], // "mark as invoiced" undone
  cancelled: ['unbilled'], // it reappeared in Bookings
};

export function canMove(from: AppointmentState, to: AppointmentState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The states a transition to `to` may start from (for guarded UPDATE ... WHERE state IN (...)). */
export function statesMovingTo(to: AppointmentState): AppointmentState[] {
  return (Object.keys(TRANSITIONS) as AppointmentState[]).filter((from) => TRANSITIONS[from].includes(to));
}
