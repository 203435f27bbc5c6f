import type { SalesInvoice, SalesInvoiceLine } from '../../clients/business-central/schemas/sales-invoice';

/** A draft's priced lines in order (Business Central may add comment lines of its own). */
export const itemLines = (bc: SalesInvoice): SalesInvoiceLine[] =>
  (bc.salesInvoiceLines ?? []).filter((l) => l.lineType !== 'Comment').sort((a, b) => a.sequence - b.sequence);
