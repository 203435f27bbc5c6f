import type { Customer } from '../clients/business-central/schemas/customer';
import { recountCustomersBlocked } from '../appointments/blocked-customers';
import { customerCreateBody } from '../sync/customers/customer-create-body';
import { readCustomerLinks, writeCustomerLinks } from '../sync/customers/customer-links';
import { isBlockedForInvoicing } from '../sync/customers/invoicing-block';
import { recountCustomersUnlinked } from './unlinked-customers';
import { auditLink, companyClient, MAX_CHOICES, matchesSearch, numbered, type LinkActor, type LinkDeps } from './link-deps';
import { LINK_REFUSAL_MESSAGES, type CustomerLinkChoices, type LinkChoice, type LinkOutcome, type LinkRefused, type LinkRefusal } from './link-schemas';

const refused = (code: LinkRefusal): LinkRefused => ({ ok: false, code, message: LINK_REFUSAL_MESSAGES[code] });

async function bookingsCustomer(deps: LinkDeps, customerId: string) {
  return deps.db.selectFrom('customers').selectAll().where('business_id', '=', deps.businessId).where('id', '=', customerId).executeTakeFirst();
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const byNumber = (a: Customer, b: Customer) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);

/** The Business Central customers a Bookings customer can be linked to, matching the search (name, number or email), by number. */
export async function customerLinkChoices(
  deps: LinkDeps,
  input: { customerId: string; search?: string | undefined },
): Promise<CustomerLinkChoices | LinkRefused> {
  const customer = await bookingsCustomer(deps, input.customerId);
  if (customer === undefined) return refused('unknown-customer');
  const bc = await companyClient(deps);
  if (bc === null) return refused('no-company');
  const { customers } = await bc.listCustomers();
  const link = (await readCustomerLinks(deps.db, deps.businessId, [customer.id])).get(customer.id);
  const linked = link?.bc_customer_id ? customers.find((c) => c.id.toLowerCase() === link.bc_customer_id?.toLowerCase()) : undefined;
  const matching = customers.filter((c) => matchesSearch(input.search, c.displayName, c.number, c.email)).sort(byNumber);
  return {
    customer: {
      id: customer.id,
      name: customer.display_name,
      email: customer.email ?? '',
      linkedCustomer: linked ? { number: linked.number, displayName: linked.displayName } : null,
    },
    customers: matching.slice(0, MAX_CHOICES).map((c) => ({
      id: c.id,
      number: c.number,
      displayName: c.displayName,
      email: c.email,
      blocked: isBlockedForInvoicing(c),
    })),
    more: matching.length > MAX_CHOICES,
  };
}

/**
 * Links a Bookings customer to a Business Central customer: one the person picked, or a new one
 * made as the sync makes it (from the customer template). The link is the one the sync and the
 * invoice runs keep (a link to a customer that still exists is never replaced), so the customer's
 * appointments stop waiting for it; the link is audited.
 */
export async function linkCustomer(deps: LinkDeps, input: { customerId: string; choice: LinkChoice } & LinkActor): Promise<LinkOutcome> {
  const customer = await bookingsCustomer(deps, input.customerId);
  if (customer === undefined) return refused('unknown-customer');
  const bc = await companyClient(deps);
  if (bc === null) return refused('no-company');
  let target: Customer;
  if (input.choice.kind === 'existing') {
    // Business Central keys are GUIDs: anything else names no customer (and never reaches a URL).
    const found = GUID.test(input.choice.id) ? await bc.getCustomer(input.choice.id) : null;
    if (found === null) return refused('unknown-record');
    target = found;
  } else {
    target = await bc.createCustomer(customerCreateBody(customer.display_name, customer.email ?? '', (await deps.setup()).customerTemplate));
  }
  const now = deps.clock();
  const created = input.choice.kind === 'create';
  await writeCustomerLinks(
    deps.db,
    deps.businessId,
    [
      {
        bookingsCustomerId: customer.id,
        kind: 'linked',
        bcCustomerId: target.id,
        bcCustomerNumber: target.number,
        createdByUs: created,
        bcBlocked: isBlockedForInvoicing(target),
        note: null,
      },
    ],
    now,
  );
  const appointments = await recountCustomersUnlinked(deps.db, deps.businessId, [customer.id]);
  await recountCustomersBlocked(deps.db, deps.businessId, [customer.id]);
  await auditLink(deps.db, {
    at: now,
    actor: input,
    action: 'customer.linked',
    businessId: deps.businessId,
    details: { customer: customer.display_name, 'Business Central customer': numbered(target), created },
  });
  return { ok: true, result: { number: target.number, displayName: target.displayName, created, appointments } };
}
