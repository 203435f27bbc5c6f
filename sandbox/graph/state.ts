import type { BookingAppointment, BookingBusiness, BookingCustomer, BookingService, BookingStaffMember, BookingsBusinessData, BookingsSeed } from './types';
import { instantOf } from './times';

/** One mailbox's records. Cancelled appointments are removed: Bookings keeps no trace a client can read. */
export class BusinessState {
  readonly business: BookingBusiness;
  readonly staffMembers: BookingStaffMember[];
  readonly services: BookingService[];
  private readonly customers = new Map<string, BookingCustomer>();
  private readonly appointments = new Map<string, BookingAppointment>();
  /**
   * The appointments ordered by start (then id), kept up to date on every write: sorting 100,000 after
   * each change, or filtering all of them for every page, would put the emulator's own cost inside
   * what a client measures (a real mailbox answers a calendar page in its latency, however many it holds).
   */
  private sorted: SpannedAppointment[] | null = null;
  /** The longest appointment seen: a window's overlapping appointments start no earlier than its start minus this. */
  private longestMs = 0;

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
    const sorted = this.spanned();
    const found: BookingAppointment[] = [];
    const until = firstAtOrAfter(sorted, end);
    for (let i = firstAtOrAfter(sorted, start - this.longestMs); i < until; i++) {
      const entry = sorted[i]!;
      if (entry.end > start) found.push(entry.appointment);
    }
    return found;
  }

  private spanned(): SpannedAppointment[] {
    if (this.sorted === null) {
      this.sorted = [...this.appointments.values()].map(spannedOf).sort(byStart);
      this.longestMs = this.sorted.reduce((longest, entry) => Math.max(longest, durationOf(entry)), 0);
    }
    return this.sorted;
  }

  putAppointment(appointment: BookingAppointment): void {
    const had = this.appointments.has(appointment.id);
    this.appointments.set(appointment.id, appointment);
    if (this.sorted === null) return;
    if (had) this.unsort(appointment.id);
    const entry = spannedOf(appointment);
    this.sorted.splice(insertionIndex(this.sorted, entry), 0, entry);
    this.longestMs = Math.max(this.longestMs, durationOf(entry));
  }

  removeAppointment(id: string): boolean {
    if (!this.appointments.delete(id)) return false;
    if (this.sorted !== null) this.unsort(id);
    return true;
  }

  private unsort(id: string): void {
    const sorted = this.sorted!;
    const at = sorted.findIndex((entry) => entry.appointment.id === id);
    if (at >= 0) sorted.splice(at, 1);
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

const spannedOf = (appointment: BookingAppointment): SpannedAppointment => ({ appointment, ...appointmentSpan(appointment) });
const durationOf = (entry: SpannedAppointment) => (Number.isFinite(entry.end - entry.start) ? entry.end - entry.start : 0);

/** By start, then id; an unreadable start (NaN) after every readable one, so the order is total and a binary search holds. */
function byStart(a: SpannedAppointment, b: SpannedAppointment): number {
  const aUnread = Number.isNaN(a.start);
  const bUnread = Number.isNaN(b.start);
  if (aUnread !== bUnread) return aUnread ? 1 : -1;
  if (!aUnread && a.start !== b.start) return a.start - b.start;
  return a.appointment.id < b.appointment.id ? -1 : a.appointment.id > b.appointment.id ? 1 : 0;
}

/** Where `entry` goes in `sorted` (byStart order). */
function insertionIndex(sorted: readonly SpannedAppointment[], entry: SpannedAppointment): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byStart(sorted[mid]!, entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first entry starting at or after `instant` (unreadable starts count as after everything). */
function firstAtOrAfter(sorted: readonly SpannedAppointment[], instant: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.start < instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
