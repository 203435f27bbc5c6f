import type { SalesInvoice } from '../../clients/business-central/schemas/sales-invoice';

/** What one of our invoices looks like next to Business Central's. */
export type ReconcileDecision =
  { kind: 'unchanged' } | { kind: 'deleted' } | { kind: 'posted'; postedNumber: string } | { kind: 'canceled'; postedNumber: string | null };

export interface StoredInvoice {
  status: string;
  postedNumber: string | null;
}

/**
 * Deleted drafts release their appointments; posted invoices record Business Central's posted
 * number (Open or Paid, and Corrective: a posted invoice corrected by a credit memo still stands);
 * a canceled one is flagged. A posted invoice cannot vanish in Business Central, so a missing one
 * stays as it is rather than release appointments that were billed.
 */
export function decide(stored: StoredInvoice, bc: SalesInvoice | undefined): ReconcileDecision {
  if (bc === undefined) return stored.status === 'posted' ? { kind: 'unchanged' } : { kind: 'deleted' };
  switch (bc.status) {
    case 'Draft':
    case 'In Review':
    // A status Business Central's enum has that we do not know: left as it is until it says more.
    case 'Unknown':
      return { kind: 'unchanged' };
    case 'Open':
    case 'Paid':
    case 'Corrective':
      return stored.status === 'posted' && stored.postedNumber === bc.number ? { kind: 'unchanged' } : { kind: 'posted', postedNumber: bc.number };
    case 'Canceled':
      return { kind: 'canceled', postedNumber: bc.number === '' ? stored.postedNumber : bc.number };
  }
}
