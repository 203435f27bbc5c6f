import { z } from 'zod';
import { amount, text, etagField, renameEtag } from './common';

export const salesInvoiceLineSchema = z
  .object({
    ...etagField,
    id: z.string().min(1),
    documentId: text,
    sequence: amount,
    lineType: text,
    itemId: text,
    lineObjectNumber: text,
    description: text,
    description2: text,
    unitOfMeasureCode: text,
    quantity: amount,
    unitPrice: amount,
    discountAmount: amount,
    discountPercent: amount,
    amountExcludingTax: amount,
    taxCode: text,
    taxPercent: amount,
    totalTaxAmount: amount,
    amountIncludingTax: amount,
    netAmount: amount,
    netTaxAmount: amount,
    netAmountIncludingTax: amount,
  })
  .transform(renameEtag);

export type SalesInvoiceLine = z.output<typeof salesInvoiceLineSchema>;

export const salesInvoiceStatuses = ['Draft', 'In Review', 'Open', 'Paid', 'Canceled', 'Corrective'] as const;
type KnownStatus = (typeof salesInvoiceStatuses)[number];

/**
 * The invoice's status as Business Central's enum names it. OData writes the spaces of an enum name as
 * `_x0020_` ("In_x0020_Review"), and the enum also has a blank member; any value we do not know is
 * 'Unknown'. Never refused: an invoice under one of our keys exists whatever its status says, and one
 * left out of a look-up for its status would be taken for absent and created again.
 */
const statusSchema = z.string().transform((raw): KnownStatus | 'Unknown' => {
  const name = raw.replaceAll('_x0020_', ' ').trim();
  return (salesInvoiceStatuses as readonly string[]).includes(name) ? (name as KnownStatus) : 'Unknown';
});

export const salesInvoiceSchema = z
  .object({
    ...etagField,
    id: z.string().min(1),
    number: text,
    externalDocumentNumber: text,
    invoiceDate: text,
    postingDate: text,
    dueDate: text,
    customerId: text,
    customerNumber: text,
    customerName: text,
    currencyCode: text,
    pricesIncludeTax: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false),
    discountAmount: amount,
    totalAmountExcludingTax: amount,
    totalTaxAmount: amount,
    totalAmountIncludingTax: amount,
    /** What the customer still owes on a posted invoice; null when Business Central does not say (never read as "paid"). */
    remainingAmount: z
      .number()
      .nullish()
      .transform((v) => v ?? null),
    status: statusSchema,
    lastModifiedDateTime: text,
    /** Present only when asked for with `$expand=salesInvoiceLines`. */
    salesInvoiceLines: z.array(salesInvoiceLineSchema).optional(),
  })
  .transform(renameEtag);

export type SalesInvoice = z.output<typeof salesInvoiceSchema>;

export interface SalesInvoiceLineCreate {
  lineType: 'Item' | 'Comment' | 'Account' | 'Resource';
  itemId?: string;
  lineObjectNumber?: string;
  /** Text[100]: truncate before sending. */
  description?: string;
  quantity?: number;
  unitPrice?: number;
}

/** A draft invoice with its lines in one request (deep insert), or its header alone; `number` and `status` are read-only. */
export interface SalesInvoiceCreate {
  customerId?: string;
  customerNumber?: string;
  /** Code[35]: our idempotency key. */
  externalDocumentNumber?: string;
  invoiceDate?: string;
  postingDate?: string;
  currencyCode?: string;
  salesInvoiceLines?: SalesInvoiceLineCreate[];
}
