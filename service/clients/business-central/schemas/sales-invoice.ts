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
    status: z.enum(salesInvoiceStatuses),
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
