import type { Money } from './money';

/** Bookings price types, as Graph names them. */
export const PRICE_TYPES = ['undefined', 'fixedPrice', 'startingAt', 'hourly', 'free', 'priceVaries', 'callUs', 'notSet', 'unknownFutureValue'] as const;
export type PriceType = (typeof PRICE_TYPES)[number];

/** Where an appointment stands in our books; it moves only along the transitions of `appointment-state.ts`. */
export const APPOINTMENT_STATES = ['unbilled', 'claimed', 'invoiced', 'excluded', 'cancelled'] as const;
export type AppointmentState = (typeof APPOINTMENT_STATES)[number];

export interface Attendee {
  /** Bookings customer id ('' when Bookings gave none). */
  customerId: string;
  name: string;
  /** '' when the customer has no email. */
  email: string;
  /** IANA time zone of the customer, when known. */
  timeZone: string | null;
}

/** A Bookings appointment as we keep it: times in UTC, money in minor units. */
export interface Appointment {
  id: string;
  businessId: string;
  start: Date;
  end: Date;
  durationMinutes: number;
  serviceId: string;
  serviceName: string;
  staffMemberIds: string[];
  attendees: Attendee[];
  price: Money;
  priceType: PriceType;
  state: AppointmentState;
  /** Set when a change in Bookings touched an invoiced appointment: a person must look at it. */
  reviewReason: string | null;
}
