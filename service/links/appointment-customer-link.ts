import type { Customer } from '../clients/business-central/schemas/customer';
import { customerCreateBody } from '../sync/customers/customer-create-body';
import { isBlockedForInvoicing } from '../sync/customers/invoicing-block';
import { toIsoUtc } from '../store/columns';
import { companyClient, MAX_CHOICES, matchesSearch, numbered, type LinkActor, type LinkDeps } from './link-deps';
import {
  LINK_REFUSAL_MESSAGES,
  type AppointmentLinkChoice,
  type CustomerLinkChoices,
  type LinkOutcome,
  type LinkRefused,
  type LinkRefusal,
} from './link-schemas';
import { businessKey } from '../domain/business-key';
import { audit } from '../history/audit';

/*
 * "No customer" (issue 13.4): an appointment Bookings has no attendee for is linked, by a person, to
 * the Business Central customer it is invoiced to. Eligibility then counts that one customer and the
 * invoice run bills it through a stand-in attendee (grouping.ts, APPOINTMENT_CUSTOMER_PREFIX).
 */

const refused = (code: LinkRefusal): LinkRefused => ({ ok: false, code, message: LINK_REFUSAL_MESSAGES[code] });

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const byNumber = (a: Customer, b: Customer) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);

/** Only an appointment of this business without attendees, not invoiced nor being invoiced, waits for such a link. */
async function appointmentWithoutCustomer(deps: LinkDeps, appointmentId: string) {
  const row = await deps.db
    .selectFrom('appointments')
    .select(['id', 'business_id', 'service_name', 'customer_count', 'state', 'linked_bc_customer_number', 'linked_bc_customer_name'])
    .where('id', '=', appointmentId)
    .executeTakeFirst();
  return row !== undefined &&
    businessKey(row.business_id) === deps.businessId &&
    row.customer_count <= 0 &&
    (row.state === 'unbilled' || row.state === 'excluded')
    ? row
    : undefined;
}

/** The Business Central customers an appointment without attendees can be invoiced to, matching the search, by number. */
export async function appointmentCustomerChoices(
  deps: LinkDeps,
  input: { appointmentId: string; search?: string | undefined },
): Promise<CustomerLinkChoices | LinkRefused> {
  const appointment = await appointmentWithoutCustomer(deps, input.appointmentId);
  if (appointment === undefined) return refused('unknown-appointment');
  const bc = await companyClient(deps);
  if (bc === null) return refused('no-company');
  const { customers } = await bc.listCustomers();
  const matching = customers.filter((c) => matchesSearch(input.search, c.displayName, c.number, c.email)).sort(byNumber);
  const number = appointment.linked_bc_customer_number;
  return {
    customer: {
      id: appointment.id,
      name: appointment.service_name,
      email: '',
      linkedCustomer: number === null ? null : { number, displayName: appointment.linked_bc_customer_name ?? '' },
    },
    customers: matching
      .slice(0, MAX_CHOICES)
      .map((c) => ({ id: c.id, number: c.number, displayName: c.displayName, email: c.email, blocked: isBlockedForInvoicing(c) })),
    more: matching.length > MAX_CHOICES,
  };
}

/**
 * Links an appointment without attendees to a Business Central customer: one the person picked (not
 * one blocked for invoicing), or a new one from the customer template under the name they typed.
 * Stored on the appointment, which the sync never overwrites; audited.
 */
export async function linkAppointmentCustomer(
  deps: LinkDeps,
  input: { appointmentId: string; choice: AppointmentLinkChoice } & LinkActor,
): Promise<LinkOutcome> {
  const appointment = await appointmentWithoutCustomer(deps, input.appointmentId);
  if (appointment === undefined) return refused('unknown-appointment');
  const bc = await companyClient(deps);
  if (bc === null) return refused('no-company');
  let target: Customer;
  if (input.choice.kind === 'existing') {
    const found = GUID.test(input.choice.id) ? await bc.getCustomer(input.choice.id) : null;
    if (found === null) return refused('unknown-record');
    if (isBlockedForInvoicing(found)) return refused('customer-blocked');
    target = found;
  } else {
    target = await bc.createCustomer(customerCreateBody(input.choice.name, '', (await deps.setup()).customerTemplate));
  }
  const now = deps.clock();
  const created = input.choice.kind === 'create';
  await deps.db
    .updateTable('appointments')
    .set({ linked_bc_customer_id: target.id, linked_bc_customer_number: target.number, linked_bc_customer_name: target.displayName, updated_at: toIsoUtc(now) })
    .where('id', '=', appointment.id)
    .execute();
  // About the appointment itself, so History names it by its service and start (audit-about.ts).
  await audit(deps.db, {
    at: now,
    actor: input.actor,
    source: input.source,
    action: 'appointment.customer-linked',
    subject: appointment.id,
    details: { 'Business Central customer': numbered(target), created },
  });
  return { ok: true, result: { number: target.number, displayName: target.displayName, created, appointments: 1 } };
}
