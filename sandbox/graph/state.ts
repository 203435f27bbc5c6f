import type { BookingAppointment, BookingBusiness, BookingCustomer, BookingService, BookingStaffMember, BookingsBusinessData, BookingsSeed } from './types';
import { instantOf } from './times';

/** One mailbox's records. Cancelled appointments are removed: Bookings keeps no trace a client can read. */
export class BusinessState {
  readonly business: BookingBusiness;
  readonly staffMembers: BookingStaffMember[];
  readonly services: BookingService[];
  private readonly customers = new Map<string, BookingCustomer>();
  private readonly appointments = new Map<string, BookingAppointment>();
  /** The ordered list, kept until an appointment is written: sorting 100,000 on every page is too slow. */
  private sorted: SpannedAppointment[] | null = null;

  constructor(data: BookingsBusinessData) {
    const copy = structuredClone(data);
    this.business = copy.business;
    this.staffMembers = copy.staffMembers;
    this.services = copy.services;
    for (const customer of copy.customers) this.customers.set(customer.id, customer);
    for (const appointment of copy.appointments) this.appointments.set(appointment.id, appointment);
  }

  service(id: string): BookingService | undefined {
    return this.services.find((s) => s.id === id);
  }

  customer(id: string): BookingCustomer | undefined {
    return this.customers.get(id);
  }

  customerList(): BookingCustomer[] {
    return [...this.customers.values()];
  }

  putCustomer(customer: BookingCustomer): void {
    this.customers.set(customer.id, customer);
  }

  appointment(id: string): BookingAppointment | undefined {
    return this.appointments.get(id);
  }

  /** Ordered by start, then id, so that `$skip` paging is stable between requests. */
  appointmentList(): BookingAppointment[] {
    return this.spanned().map((entry) => entry.appointment);
  }

  /** Appointments overlapping the half-open window [start, end), in list order. */
  appointmentsOverlapping(start: number, end: number): BookingAppointment[] {
    return this.spanned()
      .filter((entry) => entry.start < end && entry.end > start)
      .map((entry) => entry.appointment);
  }

  private spanned(): SpannedAppointment[] {
    this.sorted ??= [...this.appointments.values()].map((appointment) => ({ appointment, ...appointmentSpan(appointment) })).sort(byStart);
    return this.sorted;
  }

  putAppointment(appointment: BookingAppointment): void {
    this.appointments.set(appointment.id, appointment);
    this.sorted = null;
  }

  removeAppointment(id: string): boolean {
    this.sorted = null;
    return this.appointments.delete(id);
  }
}

export class BookingsStore {
  private readonly byId = new Map<string, BusinessState>();

  constructor(seed: BookingsSeed) {
    for (const data of seed.businesses) this.byId.set(mailboxKey(data.business.id), new BusinessState(data));
  }

  businesses(): BookingBusiness[] {
    return [...this.byId.values()].map((b) => b.business);
  }

  /** SMTP addresses compare case-insensitively. */
  business(id: string): BusinessState | undefined {
    return this.byId.get(mailboxKey(id));
  }
}

export function mailboxKey(smtpAddress: string): string {
  return smtpAddress.trim().toLowerCase();
}

export function appointmentSpan(appointment: BookingAppointment): { start: number; end: number } {
  return {
    start: instantOf(appointment.startDateTime) ?? Number.NaN,
    end: instantOf(appointment.endDateTime) ?? Number.NaN,
  };
}

interface SpannedAppointment {
  appointment: BookingAppointment;
  start: number;
  end: number;
}

function byStart(a: SpannedAppointment, b: SpannedAppointment): number {
  const diff = a.start - b.start;
  if (diff !== 0 && !Number.isNaN(diff)) return diff;
  return a.appointment.id < b.appointment.id ? -1 : a.appointment.id > b.appointment.id ? 1 : 0;
}
