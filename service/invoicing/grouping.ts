import type { Attendee } from '../domain/appointment';
import { money, type Money } from '../domain/money';
import { localIsoDate } from '../domain/local-day';
import type { PricedLine } from '../domain/pricing';

export const GROUPING_RULES = ['perCustomerPerRun', 'perAppointment', 'perCustomerPerMonth'] as const;
export type GroupingRule = (typeof GROUPING_RULES)[number];
export const DEFAULT_GROUPING_RULE: GroupingRule = 'perCustomerPerRun';

export interface GroupingOptions {
  runDate: Date;
  /** IANA name of the business time zone: months and invoice dates are local to it. */
  timeZone: string;
}

/** The lines of one draft sales invoice. */
export interface InvoiceGroup {
  key: string;
  customer: Attendee;
  /** YYYY-MM-DD. */
  invoiceDate: string;
  lines: PricedLine[];
  total: Money;
  appointmentIds: string[];
}

/**
 * Who an invoice line bills: the attendee's email, lower-cased; an attendee without an email (whom a
 * person linked to a Business Central customer by hand) by their Bookings customer id under a prefix
 * no email has. Only the run's own columns hold such a key; people see its email part (`keyEmail`).
 */
export function customerEmailKey(customer: Pick<Attendee, 'email' | 'customerId'>): string {
  const email = customer.email.trim().toLowerCase();
  return email === '' ? `${LINKED_KEY_PREFIX}${customer.customerId.toLowerCase()}` : email;
}

export const LINKED_KEY_PREFIX = 'bookings-customer:';

/**
 * An appointment without attendees that a person linked to a Business Central customer bills that
 * customer as one attendee without an email, under this Bookings customer id (so its key is a linked
 * key like any other, never shown to a person); ensure-customers reads the customer off the appointment.
 */
export const APPOINTMENT_CUSTOMER_PREFIX = 'appointment-customer:';

export function appointmentCustomerAttendee(appointmentId: string, name: string): Attendee {
  return { customerId: `${APPOINTMENT_CUSTOMER_PREFIX}${appointmentId}`, name, email: '', timeZone: null };
}

/** The appointment a stand-in attendee stands for, else null. */
export const appointmentOfCustomerId = (customerId: string): string | null =>
  customerId.startsWith(APPOINTMENT_CUSTOMER_PREFIX) ? customerId.slice(APPOINTMENT_CUSTOMER_PREFIX.length) : null;

/** The keys invoicing an appointment bills: its attendees', else the linked customer's stand-in. */
export function billedKeys(appointment: { id: string; linked_bc_customer_id: string | null }, attendeeKeys: readonly string[]): string[] {
  if (attendeeKeys.length > 0 || appointment.linked_bc_customer_id === null) return [...attendeeKeys];
  return [customerEmailKey(appointmentCustomerAttendee(appointment.id, ''))];
}

/** A key of an attendee linked by hand (no email). */
export const isLinkedKey = (key: string): boolean => key.startsWith(LINKED_KEY_PREFIX);

/** The email a key stands for, '' for an attendee linked by hand. */
export const keyEmail = (key: string): string => (isLinkedKey(key) ? '' : key);

function byStart(a: PricedLine, b: PricedLine): number {
  return a.start.getTime() - b.start.getTime() || compareText(a.appointmentId, b.appointmentId);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Which invoice a line belongs to; lines of different currencies never share one. */
function groupKey(line: PricedLine, rule: GroupingRule, timeZone: string): string {
  const customer = customerEmailKey(line.customer);
  const currency = line.amount.currency;
  switch (rule) {
    case 'perCustomerPerRun':
      return JSON.stringify(['run', customer, currency]);
    case 'perAppointment':
      return JSON.stringify(['appointment', customer, currency, line.appointmentId]);
    case 'perCustomerPerMonth':
      return JSON.stringify(['month', customer, currency, localIsoDate(line.start, timeZone).slice(0, 7)]);
  }
}

function toGroup(key: string, unsorted: PricedLine[], rule: GroupingRule, options: GroupingOptions): InvoiceGroup {
  const lines = [...unsorted].sort(byStart);
  const first = lines[0];
  if (first === undefined) throw new RangeError('a group has at least one line');
  const total = lines.reduce((sum, line) => sum + line.amount.minor, 0);
  return {
    key,
    customer: first.customer,
    invoiceDate: localIsoDate(rule === 'perAppointment' ? first.start : options.runDate, options.timeZone),
    lines,
    total: money(total, first.amount.currency),
    appointmentIds: [...new Set(lines.map((line) => line.appointmentId))].sort(compareText),
  };
}

/** Priced lines into invoices by the business's grouping rule; groups in a stable order (by key). */
export function groupLines(lines: readonly PricedLine[], rule: GroupingRule, options: GroupingOptions): InvoiceGroup[] {
  const groups = new Map<string, PricedLine[]>();
  for (const line of lines) {
    const key = groupKey(line, rule, options.timeZone);
    const members = groups.get(key);
    if (members === undefined) groups.set(key, [line]);
    else members.push(line);
  }
  return [...groups].sort(([a], [b]) => compareText(a, b)).map(([key, members]) => toGroup(key, members, rule, options));
}
