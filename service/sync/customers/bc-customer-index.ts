import type { BusinessCentralClient } from '../../clients/business-central/business-central-client';
import type { Customer } from '../../clients/business-central/schemas/customer';
import type { InvalidRecord } from '../../clients/http/parse-records';
import { emailsOfField } from './email-addresses';

/** Business Central customers by id and by every address of their email field. */
export interface BcCustomerIndex {
  byId(id: string): Customer | undefined;
  byEmail(email: string): Customer | undefined;
  /** The one customer with this name and a blank email field; undefined when none or several. */
  byNameWithoutEmail(displayName: string): Customer | undefined;
}

/**
 * Where several customers list one address, the lowest number wins: the choice stays the same from
 * run to run, and it is usually the customer that existed first.
 */
export function indexBcCustomers(customers: readonly Customer[]): BcCustomerIndex {
  const sorted = [...customers].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  const ids = new Map<string, Customer>();
  const emails = new Map<string, Customer>();
  const withoutEmail = new Map<string, Customer[]>();
  for (const customer of sorted) {
    ids.set(customer.id.toLowerCase(), customer);
    const addresses = emailsOfField(customer.email);
    for (const email of addresses) if (!emails.has(email)) emails.set(email, customer);
    if (addresses.length === 0) withoutEmail.set(customer.displayName, [...(withoutEmail.get(customer.displayName) ?? []), customer]);
  }
  return {
    byId: (id) => ids.get(id.toLowerCase()),
    byEmail: (email) => emails.get(email),
    byNameWithoutEmail: (displayName) => {
      const found = withoutEmail.get(displayName);
      return found?.length === 1 ? found[0] : undefined;
    },
  };
}

/** One paged read of every customer of the company (never one request per customer). */
export async function loadBcCustomerIndex(bc: BusinessCentralClient): Promise<{ index: BcCustomerIndex; invalid: InvalidRecord[] }> {
  const { customers, invalid } = await bc.listCustomers();
  return { index: indexBcCustomers(customers), invalid };
}

/**
 * After an answer that leaves it open whether creations happened: the customers that exist now, by
 * creation key. One created with an email is found by it; one created without (the address did not
 * fit) only by its name among customers without an email, and only when that name is unique.
 */
export async function findCreatedCustomers(
  bc: BusinessCentralClient,
  bodies: ReadonlyMap<string, { displayName: string; email?: string }>,
  keys: readonly string[],
): Promise<Map<string, Customer>> {
  const { index } = await loadBcCustomerIndex(bc);
  const found = new Map<string, Customer>();
  for (const key of keys) {
    const body = bodies.get(key);
    if (body === undefined) continue;
    const customer = body.email === undefined ? index.byNameWithoutEmail(body.displayName) : index.byEmail(key);
    if (customer) found.set(key, customer);
  }
  return found;
}
