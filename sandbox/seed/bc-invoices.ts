import type { BcCustomer, BcItem, BcSalesInvoice, BcSalesInvoiceLine, BcSalesInvoiceStatus } from '../bc/types';
import { DAY_MS, isoDateOf } from './calendar';
import { CLINIC_CURRENCY } from './constants';
import { ZERO_GUID, guidFor } from './ids';

interface InvoiceSource {
  customerKey: string;
  daysAgo: number;
  status: BcSalesInvoiceStatus;
  externalDocumentNumber: string;
  lines: ReadonlyArray<{ itemNumber: string; quantity: number; unitPrice: number }>;
}

/** Posted invoices from before Bookings, to customers Bookings does not know. */
const INVOICES: readonly InvoiceSource[] = [
  {
    customerKey: 'falkoner',
    daysAgo: 95,
    status: 'Paid',
    externalDocumentNumber: '',
    lines: [
      { itemNumber: '1001', quantity: 10, unitPrice: 360 },
      { itemNumber: '1004', quantity: 5, unitPrice: 71.2 },
    ],
  },
  {
    customerKey: 'amager-fitness',
    daysAgo: 62,
    status: 'Paid',
    externalDocumentNumber: 'PO-2291',
    lines: [{ itemNumber: '1002', quantity: 4, unitPrice: 500 }],
  },
  { customerKey: 'kontant', daysAgo: 33, status: 'Paid', externalDocumentNumber: '', lines: [{ itemNumber: '1000', quantity: 1, unitPrice: 495 }] },
  {
    customerKey: 'sundhedsforsikring',
    daysAgo: 12,
    status: 'Open',
    externalDocumentNumber: 'SKADE 2291-77',
    lines: [
      { itemNumber: '1000', quantity: 3, unitPrice: 396 },
      { itemNumber: '1001', quantity: 1.5, unitPrice: 360 },
    ],
  },
  { customerKey: 'mueller', daysAgo: 9, status: 'Open', externalDocumentNumber: '', lines: [{ itemNumber: '1001', quantity: 2, unitPrice: 48 }] },
];

const FIRST_INVOICE_NUMBER = 103001;

export interface InvoiceContext {
  seed: number;
  today: number; // epoch day
  customersByKey: ReadonlyMap<string, BcCustomer>;
  items: readonly BcItem[];
  pricesIncludeTax: Readonly<Record<string, boolean>>;
  vatPercentByTaxGroup: Readonly<Record<string, number>>;
}

/** Amounts in øre: VAT is taken out of or put on top of the line amount, rounded once per line. */
function lineAmounts(quantity: number, unitPrice: number, vatPercent: number, includesTax: boolean): { net: number; tax: number; gross: number } {
  const amount = Math.round(quantity * unitPrice * 100);
  if (includesTax) {
    const net = Math.round((amount * 100) / (100 + vatPercent));
    return { net, tax: amount - net, gross: amount };
  }
  const tax = Math.round((amount * vatPercent) / 100);
  return { net: amount, tax, gross: amount + tax };
}

export function buildBcInvoices(context: InvoiceContext): BcSalesInvoice[] {
  return INVOICES.map((source, index): BcSalesInvoice => {
    const customer = context.customersByKey.get(source.customerKey);
    if (!customer) throw new Error(`invoice customer ${source.customerKey} missing from the seed`);
    const id = guidFor(`${context.seed}|bc-invoice|${index}`);
    const invoiceDay = context.today - source.daysAgo;
    const includesTax = context.pricesIncludeTax[customer.id] ?? false;
    let net = 0;
    let tax = 0;
    let gross = 0;
    const lines = source.lines.map((line, lineIndex): BcSalesInvoiceLine => {
      const item = context.items.find((candidate) => candidate.number === line.itemNumber);
      if (!item) throw new Error(`invoice item ${line.itemNumber} missing from the seed`);
      const vatPercent = context.vatPercentByTaxGroup[item.taxGroupCode] ?? context.vatPercentByTaxGroup[''] ?? 0;
      const amounts = lineAmounts(line.quantity, line.unitPrice, vatPercent, includesTax);
      net += amounts.net;
      tax += amounts.tax;
      gross += amounts.gross;
      return {
        id: guidFor(`${context.seed}|bc-invoice|${index}|line|${lineIndex}`),
        documentId: id,
        sequence: (lineIndex + 1) * 10000,
        itemId: item.id,
        accountId: ZERO_GUID,
        lineType: 'Item',
        lineObjectNumber: item.number,
        description: item.displayName,
        description2: '',
        unitOfMeasureId: item.baseUnitOfMeasureId,
        unitOfMeasureCode: item.baseUnitOfMeasureCode,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        discountAmount: 0,
        discountPercent: 0,
        discountAppliedBeforeTax: false,
        amountExcludingTax: amounts.net / 100,
        taxCode: item.taxGroupCode,
        taxPercent: vatPercent,
        totalTaxAmount: amounts.tax / 100,
        amountIncludingTax: amounts.gross / 100,
        invoiceDiscountAllocation: 0,
        netAmount: amounts.net / 100,
        netTaxAmount: amounts.tax / 100,
        netAmountIncludingTax: amounts.gross / 100,
        shipmentDate: isoDateOf(invoiceDay),
        itemVariantId: ZERO_GUID,
        locationId: ZERO_GUID,
      };
    });
    return {
      id,
      number: String(FIRST_INVOICE_NUMBER + index),
      externalDocumentNumber: source.externalDocumentNumber,
      invoiceDate: isoDateOf(invoiceDay),
      postingDate: isoDateOf(invoiceDay),
      dueDate: isoDateOf(invoiceDay + (customer.type === 'Company' ? 14 : 8)),
      customerPurchaseOrderReference: '',
      customerId: customer.id,
      customerNumber: customer.number,
      customerName: customer.displayName,
      billToName: customer.displayName,
      billToCustomerId: customer.id,
      billToCustomerNumber: customer.number,
      currencyId: customer.currencyId,
      // Business Central shows the local currency's code on documents where the customer's is blank.
      currencyCode: customer.currencyCode || CLINIC_CURRENCY,
      pricesIncludeTax: includesTax,
      paymentTermsId: customer.paymentTermsId,
      discountAmount: 0,
      discountAppliedBeforeTax: false,
      totalAmountExcludingTax: net / 100,
      totalTaxAmount: tax / 100,
      totalAmountIncludingTax: gross / 100,
      remainingAmount: source.status === 'Paid' ? 0 : gross / 100,
      status: source.status,
      lastModifiedDateTime: new Date((invoiceDay + 1) * DAY_MS + 9 * 3_600_000).toISOString(),
      phoneNumber: customer.phoneNumber,
      email: customer.email,
      salesInvoiceLines: lines,
    };
  });
}
