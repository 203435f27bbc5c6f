import { setImmediate } from 'node:timers/promises';
import { loadLinkedCustomerIds } from '../../links/unlinked-customers';
import type { Kysely } from 'kysely';
import type { Appointment } from '../../domain/appointment';
import { money } from '../../domain/money';
import type { Setup } from '../../setup/setup-schema';
import type { Database, Row } from '../../store/database';
import { rowToAppointment } from '../../appointments/appointment-row';
import { feeKindFor, feeOf, reasonsFor, type AppointmentFacts, type EligibilityOptions } from '../../unbilled/eligibility';
import { appointmentCustomerAttendee, groupLines, customerEmailKey, keyEmail, type InvoiceGroup } from '../grouping';
import { priceAppointment, type PricedLine, type UnpricedReason } from '../../domain/pricing';
import type { SkipReason, Skipped } from './run-schemas';
import { businessKey } from '../../domain/business-key';

// Ids per `in (...)` list, well under both databases' parameter limits.
const IDS_PER_QUERY = 500;

export interface PlanInput {
  db: Kysely<Database>;
  setup: Setup;
  businessId: string;
  now: Date;
  ids: readonly string[];
}

/** The invoices a selection makes now, and every appointment (or attendee) left out with its reason. */
export interface InvoicePlan {
  groups: InvoiceGroup[];
  skipped: Skipped[];
  /** The linked Business Central item of each planned appointment. */
  itemOf: Map<string, string>;
  /** Staff member ids of each planned appointment (names are looked up once per run). */
  staffOf: Map<string, string[]>;
}

type JoinedRow = Row<'appointments'> & {
  bc_item_id: string | null;
  bc_item_unit_price_minor: number | null;
  bc_item_currency: string | null;
};

async function loadRows(db: Kysely<Database>, businessId: string, ids: readonly string[]): Promise<Map<string, JoinedRow>> {
  const out = new Map<string, JoinedRow>();
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const rows = await db
      .selectFrom('appointments as a')
      .leftJoin('service_links as sl', (join) => join.onRef('sl.business_id', '=', 'a.business_id').onRef('sl.bookings_service_id', '=', 'a.service_id'))
      .selectAll('a')
      .select(['sl.bc_item_id', 'sl.bc_item_unit_price_minor', 'sl.currency as bc_item_currency'])
      .where('a.id', 'in', ids.slice(i, i + IDS_PER_QUERY))
      .execute();
    // The business is checked here, not in SQL: with it there, SQLite may walk the business's index
    // (every appointment it has) instead of looking the ids up by primary key.
    for (const row of rows) if (row.business_id === businessId) out.set(row.id, row);
  }
  return out;
}

/** Attendees (appointment id → lower-cased emails) already on a planned or invoiced line of some run. */
export async function billedAttendees(db: Kysely<Database>, appointmentIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (let i = 0; i < appointmentIds.length; i += IDS_PER_QUERY) {
    const rows = await db
      .selectFrom('invoice_lines')
      .select(['appointment_id', 'customer_email'])
      .where('appointment_id', 'in', appointmentIds.slice(i, i + IDS_PER_QUERY))
      .where('state', 'in', ['planned', 'invoiced'])
      .execute();
    for (const row of rows) out.set(row.appointment_id, (out.get(row.appointment_id) ?? new Set()).add(row.customer_email));
  }
  return out;
}

function factsOf(row: JoinedRow): AppointmentFacts {
  return {
    state: row.state,
    startUtc: row.start_utc,
    endUtc: row.end_utc,
    noShow: row.no_show !== 0,
    cancelledSeenAt: row.cancelled_seen_at,
    serviceId: row.service_id,
    reviewReason: row.review_reason,
    customerCount: row.customer_count,
    linkedCustomer: row.linked_bc_customer_id !== null,
    customersWithoutEmail: row.customers_without_email,
    customersBlocked: row.customers_blocked,
    priceType: row.price_type,
    priceMinor: row.price_minor,
    currency: row.currency,
    durationMinutes: row.duration_minutes,
    enteredPriceMinor: row.entered_price_minor,
    bcItemId: row.bc_item_id,
    bcItemUnitPriceMinor: row.bc_item_unit_price_minor,
    bcItemCurrency: row.bc_item_currency,
  };
}

/** The row as pricing sees it: without attendees but linked to a customer by hand, that customer is its one attendee. */
function appointmentOf(row: JoinedRow): Appointment {
  const appointment = rowToAppointment(row);
  if (appointment.attendees.length > 0 || row.linked_bc_customer_id === null) return appointment;
  return { ...appointment, attendees: [appointmentCustomerAttendee(row.id, row.linked_bc_customer_name ?? '')] };
}

const unpricedReason = (reason: UnpricedReason): SkipReason => (reason === 'invalid-duration' ? 'invalid-price' : reason);

/** What each attendee is billed, with the item: the service, or (a no-show, a late cancellation) the setup's fee. */
function priceRow(row: JoinedRow, appointment: Appointment, setup: Setup, linkedWithoutEmail: ReadonlySet<string>) {
  const options: EligibilityOptions = { now: new Date(0), addZeroLinesForFree: setup.addZeroLinesForFree, noShowFee: setup.noShowFee };
  const feeKind = feeKindFor(factsOf(row), options);
  if (feeKind !== null) {
    const fee = feeOf(factsOf(row), options);
    // reasonsFor() ran on the same facts and setup and found the fee billable: this cannot happen.
    if (fee.kind === 'none') throw new Error(`An eligible ${feeKind} has no billable fee: ${fee.reason}`);
    // The fee as a one-off price: pricing's attendee checks apply as they do to the service.
    const results = priceAppointment(
      { ...appointment, priceType: 'fixedPrice', price: fee.amount },
      { linkedWithoutEmail, addZeroLinesForFree: true, linkedItemUnitPrice: null, enteredPrice: null },
    ).map((result) => (result.kind === 'priced' ? { ...result, line: { ...result.line, feeKind } } : result));
    return { itemId: fee.itemId, results };
  }
  const results = priceAppointment(appointment, {
    linkedWithoutEmail,
    addZeroLinesForFree: setup.addZeroLinesForFree,
    linkedItemUnitPrice: row.bc_item_unit_price_minor === null ? null : money(row.bc_item_unit_price_minor, row.bc_item_currency ?? row.currency),
    enteredPrice: row.entered_price_minor === null ? null : money(row.entered_price_minor, row.currency),
  });
  return { itemId: row.bc_item_id, results };
}

/** What one slice of the selection adds to the plan: its lines, and its skips in the order the whole plan lists them. */
interface PlanSlice {
  lines: PricedLine[];
  /** Unknown and ineligible appointments. */
  refused: Skipped[];
  /** Attendees pricing left out or already billed. */
  unpriced: Skipped[];
}

async function planSlice(
  input: PlanInput,
  ids: readonly string[],
  into: PlanSlice,
  itemOf: Map<string, string>,
  staffOf: Map<string, string[]>,
): Promise<void> {
  const { setup } = input;
  const rows = await loadRows(input.db, input.businessId, ids);
  const eligible: JoinedRow[] = [];
  for (const id of ids) {
    const row = rows.get(id);
    if (row === undefined) {
      into.refused.push({ appointmentId: id, reason: 'unknown', reasons: ['unknown'] });
      continue;
    }
    const reasons = reasonsFor(factsOf(row), { now: input.now, addZeroLinesForFree: setup.addZeroLinesForFree, noShowFee: setup.noShowFee });
    const [first] = reasons;
    if (first === undefined) eligible.push(row);
    else into.refused.push({ appointmentId: id, reason: first, reasons });
  }

  const billed = await billedAttendees(
    input.db,
    eligible.map((r) => r.id),
  );
  const withoutEmail = eligible.flatMap((row) =>
    appointmentOf(row)
      .attendees.filter((a) => a.email.trim() === '')
      .map((a) => a.customerId),
  );
  const linkedWithoutEmail = new Set(await loadLinkedCustomerIds(input.db, businessKey(input.businessId), withoutEmail));
  // A stand-in for the customer linked to the appointment is linked by definition.
  for (const row of eligible)
    if (row.customer_count <= 0 && row.linked_bc_customer_id !== null) linkedWithoutEmail.add(appointmentCustomerAttendee(row.id, '').customerId);
  for (const row of eligible) {
    const appointment = appointmentOf(row);
    const done = billed.get(row.id) ?? new Set<string>();
    const priced = priceRow(row, appointment, setup, linkedWithoutEmail);
    for (const result of priced.results) {
      if (result.kind === 'unpriced') {
        const reason = unpricedReason(result.unpriced.reason);
        // What people read: the email, never the key of an attendee without one.
        const email = result.unpriced.customer ? keyEmail(customerEmailKey(result.unpriced.customer)) : undefined;
        into.unpriced.push({ appointmentId: row.id, ...(email ? { customerEmail: email } : {}), reason, reasons: [reason] });
        continue;
      }
      const email = customerEmailKey(result.line.customer);
      if (done.has(email)) {
        into.unpriced.push({
          appointmentId: row.id,
          ...(keyEmail(email) ? { customerEmail: keyEmail(email) } : {}),
          reason: 'attendee-invoiced',
          reasons: ['attendee-invoiced'],
        });
        continue;
      }
      into.lines.push(result.line);
      itemOf.set(row.id, priced.itemId!);
      staffOf.set(row.id, appointment.staffMemberIds);
    }
  }
}

/**
 * Plan: the eligible appointments of the selection, priced per attendee and grouped by the setup's
 * rule. Unknown ids and ineligible appointments are answered with their reasons (the unbilled
 * query's, so the tab and the run agree); attendees already on a live invoice are left out.
 * The rows are read and priced a slice of ids at a time (each appointment is priced on its own):
 * only the priced lines of the whole selection are held, as grouping needs them all.
 */
export async function planInvoices(input: PlanInput, idsPerSlice: number = IDS_PER_QUERY): Promise<InvoicePlan> {
  const plan: PlanSlice = { lines: [], refused: [], unpriced: [] };
  const itemOf = new Map<string, string>();
  const staffOf = new Map<string, string[]>();
  for (let i = 0; i < input.ids.length; i += idsPerSlice) {
    await planSlice(input, input.ids.slice(i, i + idsPerSlice), plan, itemOf, staffOf);
    // Let the process answer others (the run's own polls) between slices.
    if (i + idsPerSlice < input.ids.length) await setImmediate();
  }
  const groups = groupLines(plan.lines, input.setup.invoiceGrouping, { runDate: input.now, timeZone: input.setup.dailySummary.timeZone });
  return { groups, skipped: [...plan.refused, ...plan.unpriced], itemOf, staffOf };
}
