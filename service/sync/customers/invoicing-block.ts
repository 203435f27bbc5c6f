import type { Customer } from '../../clients/business-central/schemas/customer';

/** Business Central refuses a sales invoice for a customer blocked 'All' or 'Invoice' ('Ship' only stops shipments). */
export function isBlockedForInvoicing(customer: Pick<Customer, 'blocked'>): boolean {
  const blocked = customer.blocked.trim();
  return blocked === 'All' || blocked === 'Invoice';
}
