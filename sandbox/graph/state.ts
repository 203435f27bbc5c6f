import type {
  BookingAppointment,
  BookingBusiness,
  BookingCustomer,
  BookingService,
  BookingStaffMember,
  BookingsBusinessData,
  BookingsSeed,
} from './types';
import { instantOf } from './times';

/** One mailbox's records. Cancelled appointments are removed: Bookings keeps no trace a client can read. */
export class BusinessState {
  readonly business: BookingBusiness;
  readonly staffMembers: BookingStaffMember[];
  readonly services: BookingService[];
  private readonly customers = new Map<string, BookingCustomer>();
  private readonly appointments = new Map<string, BookingAppointment>();

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
    return [...this.appointments.values()].sort(byStart);
  }

  putAppointment(appointment: BookingAppointment): void {
    this.appointments.set(appointment.id, appointment);
  }

  removeAppointment(id: string): boolean {
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

function byStart(a: BookingAppointment, b: BookingAppointment): number {
  const diff = appointmentSpan(a).start - appointmentSpan(b).start;
  if (diff !== 0 && !Number.isNaN(diff)) return diff;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
