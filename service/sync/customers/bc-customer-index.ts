import type { BusinessCentralClient } from '../../clients/business-central/business-central-client';
import type { Customer } from '../../clients/business-central/schemas/customer';
import type { InvalidRecord } from '../../clients/http/parse-records';
import { emailsOfField } from './email-addresses';

/** Business Central customers by id and by every address of their email field. */
export interface BcCustomerIndex {
  byId(id: string): Customer | undefined;
  byEmail(email: string): Customer | undefined;
}

/**
 * Where several customers list one address, the lowest number wins: the choice stays the same from
 * run to run, and it is usually the customer that existed first.
 */
export function indexBcCustomers(customers: readonly Customer[]): BcCustomerIndex {
  const sorted = [...customers].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  const ids = new Map<string, Customer>();
  const emails = new Map<string, Customer>();
  for (const customer of sorted) {
    ids.set(customer.id.toLowerCase(), customer);
    for (const email of emailsOfField(customer.email)) if (!emails.has(email)) emails.set(email, customer);
  }
  return { byId: (id) => ids.get(id.toLowerCase()), byEmail: (email) => emails.get(email) };
}

/** One paged read of every customer of the company (never one request per customer). */
export async function loadBcCustomerIndex(bc: BusinessCentralClient): Promise<{ index: BcCustomerIndex; invalid: InvalidRecord[] }> {
  const { customers, invalid } = await bc.listCustomers();
  return { index: indexBcCustomers(customers), invalid };
}
