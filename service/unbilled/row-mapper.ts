import { z } from 'zod';
import type { AppointmentState } from '../domain/appointment';
import { readJson } from '../store/columns';
import type { FeeKind } from '../domain/fees';
import { REASONS, type Note, type Reason } from './eligibility';
import type { UnbilledCustomer, UnbilledRow } from './unbilled-schemas';

/** A page row as selected by query-unbilled.ts. */
export interface UnbilledRecord {
  id: string;
  start_utc: string;
  end_utc: string;
  duration_minutes: number;
  service_id: string | null;
  service_name: string;
  staff_member_ids: string;
  customers: string;
  price_type: string;
  state: AppointmentState;
  review_reason: string | null;
  entered_price_minor: number | null;
  no_show: number;
  currency: string;
  linked_bc_customer_number: string | null;
  linked_bc_customer_name: string | null;
  note: Note | null;
  reason: Reason | null;
  reasons: string;
  unit_minor: number | null;
  unit_currency: string;
  amount_minor: number | null;
  amount_currency: string;
  fee_kind: FeeKind | null;
  fee_minor: number | null;
}

// Lenient about the attendee key (customerId or id) and a missing email: the sync writes the column.
const storedAttendees = z.array(
  z.object({
    customerId: z.string().optional(),
    id: z.string().optional(),
    name: z.string().nullish(),
    email: z.string().nullish(),
    timeZone: z.string().nullish(),
  }),
);
const staffIds = z.array(z.string());
const reasonList = z.array(z.enum(REASONS));

function customersOf(text: string): UnbilledCustomer[] {
  return readJson(storedAttendees, text, 'appointments.customers').map((c) => ({
    customerId: c.customerId ?? c.id ?? '',
    name: c.name ?? '',
    email: c.email ?? '',
    timeZone: c.timeZone ?? null,
  }));
}

function reasonsOf(text: string): Reason[] {
  const parsed = reasonList.safeParse(text.split(',').filter(Boolean));
  if (!parsed.success) throw new Error(`Unexpected eligibility reasons from the database: ${text}`);
  return parsed.data;
}

/** The attendees, else the customer a person linked to the appointment: named, by number, never by an id (it has no Bookings customer). */
function billedCustomersOf(r: UnbilledRecord): UnbilledCustomer[] {
  const attendees = customersOf(r.customers);
  if (attendees.length > 0 || r.linked_bc_customer_number === null) return attendees;
  return [
    {
      customerId: '',
      name: r.linked_bc_customer_name ?? '',
      email: '',
      timeZone: null,
      businessCentral: { number: r.linked_bc_customer_number, blocked: false },
    },
  ];
}

export function toUnbilledRow(r: UnbilledRecord): UnbilledRow {
  const { unit_minor: unit, amount_minor: amount, entered_price_minor: entered } = r;
  return {
    id: r.id,
    start: r.start_utc,
    end: r.end_utc,
    durationMinutes: r.duration_minutes,
    serviceId: r.service_id,
    serviceName: r.service_name,
    staffMemberIds: readJson(staffIds, r.staff_member_ids, 'appointments.staff_member_ids'),
    customers: billedCustomersOf(r),
    price: unit === null ? null : { minor: unit, currency: r.unit_currency },
    amount: amount === null ? null : { minor: Number(amount), currency: r.amount_currency },
    fee: r.fee_kind === null ? null : { kind: r.fee_kind, amount: r.fee_minor === null ? null : { minor: Number(r.fee_minor), currency: r.amount_currency } },
    priceType: r.price_type,
    state: r.state,
    note: r.note,
    reason: r.reason,
    reasons: reasonsOf(r.reasons),
    reviewReason: r.review_reason,
    enteredPrice: entered === null ? null : { minor: entered, currency: r.currency },
    noShow: Number(r.no_show) === 1,
    currency: r.currency,
  };
}
