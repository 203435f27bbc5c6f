import type { CustomerTemplate } from '../../setup/setup-schema';
import type { BcCustomerIndex } from './bc-customer-index';
import { emailFitsBc } from './bc-text';
import { customerCreateBody, type CustomerCreateBody } from './customer-create-body';
import type { CustomerLinkRow, CustomerLinkUpdate } from './customer-links';
import { isBlockedForInvoicing } from './invoicing-block';
import { LINK_NOTES, SKIP_REASONS } from './skip-reasons';

export interface PlannedCustomer {
  id: string;
  displayName: string;
  /** Trimmed, as Bookings has it. */
  email: string | null;
  emailNormalized: string | null;
}

export interface CustomerCreation {
  /** The normalized email: unique among creations, since shared emails are never created. */
  key: string;
  bookingsCustomerId: string;
  /** Without an email when Business Central cannot hold it: then found again only through the link. */
  body: CustomerCreateBody;
  note: string | null;
}

export interface CustomerLinkPlan {
  /** Links and skips that differ from what is stored. */
  updates: CustomerLinkUpdate[];
  creations: CustomerCreation[];
  unchanged: number;
}

/**
 * Decides, without side effects, what becomes of each Bookings customer: a link that still points at
 * an existing Business Central customer stays (Business Central is the master: nothing is written to
 * it); else a customer whose email is among a Business Central customer's addresses is linked to it;
 * else one is created, unless the customer has no email or shares it with another Bookings customer.
 * An email too long for Business Central is left out of the new customer (noted on the link). Each
 * link records whether its customer is blocked for invoicing.
 */
export function planCustomerLinks(
  customers: readonly PlannedCustomer[],
  links: ReadonlyMap<string, CustomerLinkRow>,
  index: BcCustomerIndex,
  template: CustomerTemplate,
): CustomerLinkPlan {
  const sharing = new Map<string, number>();
  for (const c of customers) if (c.emailNormalized) sharing.set(c.emailNormalized, (sharing.get(c.emailNormalized) ?? 0) + 1);
  const plan: CustomerLinkPlan = { updates: [], creations: [], unchanged: 0 };

  const skip = (customer: PlannedCustomer, reason: string) => {
    const link = links.get(customer.id);
    if (link && link.bc_customer_id === null && link.skip_reason === reason) plan.unchanged++;
    else plan.updates.push({ bookingsCustomerId: customer.id, kind: 'skipped', reason });
  };

  for (const customer of customers) {
    const link = links.get(customer.id);
    const linked = link?.bc_customer_id ? index.byId(link.bc_customer_id) : undefined;
    if (link && linked) {
      const bcBlocked = isBlockedForInvoicing(linked);
      if (link.bc_customer_number === linked.number && link.bc_blocked === (bcBlocked ? 1 : 0)) plan.unchanged++;
      else {
        plan.updates.push({
          bookingsCustomerId: customer.id,
          kind: 'linked',
          bcCustomerId: linked.id,
          bcCustomerNumber: linked.number,
          createdByUs: link.created_by_us === 1,
          bcBlocked,
          note: link.note,
        });
      }
      continue;
    }
    if (!customer.email || !customer.emailNormalized) {
      skip(customer, SKIP_REASONS.noEmail);
      continue;
    }
    const match = index.byEmail(customer.emailNormalized);
    if (match) {
      plan.updates.push({
        bookingsCustomerId: customer.id,
        kind: 'linked',
        bcCustomerId: match.id,
        bcCustomerNumber: match.number,
        createdByUs: false,
        bcBlocked: isBlockedForInvoicing(match),
        note: null,
      });
    } else if ((sharing.get(customer.emailNormalized) ?? 0) > 1) {
      skip(customer, SKIP_REASONS.sharedEmail);
    } else {
      plan.creations.push({
        key: customer.emailNormalized,
        bookingsCustomerId: customer.id,
        body: customerCreateBody(customer.displayName, customer.email, template),
        note: emailFitsBc(customer.email) ? null : LINK_NOTES.createdWithoutEmail,
      });
    }
  }
  return plan;
}
