import { computeLine, convertUnitPrice, roundQuantity } from './amounts';
import { salesInvoiceLineEntity } from './entities';
import { applicationError, recordNotFound } from './errors';
import { NIL_GUID, findById, isBlankGuid } from './ids';
import type { CompanyState } from './state';
import type { BcItem, BcSalesInvoice, BcSalesInvoiceLine } from './types';
import { validateWrite, type WriteSpec } from './write-body';

const lineWritable: WriteSpec = {
  sequence: {},
  itemId: {},
  accountId: {},
  lineType: { options: ['Comment', 'Account', 'Item', 'Resource', 'Value', 'Charge', 'Fixed Asset'] },
  lineObjectNumber: { maxLength: 20, code: true },
  description: { maxLength: 100 },
  description2: { maxLength: 50 },
  unitOfMeasureId: {},
  unitOfMeasureCode: { maxLength: 10, code: true },
  quantity: {},
  unitPrice: {},
  discountAmount: {},
  discountPercent: {},
  taxCode: { maxLength: 20, code: true },
  shipmentDate: {},
  itemVariantId: {},
  locationId: {},
};

/** The writable part of a line, as a client sent it (or as an existing line holds it). */
// lineWritable is keyed by any string, so the fields it can write are the line's own.
export type LineInput = Partial<BcSalesInvoiceLine>;

export function validateLineBody(body: Record<string, unknown>): LineInput {
  return validateWrite(body, salesInvoiceLineEntity, lineWritable);
}

export function taxPercentFor(company: CompanyState, taxGroupCode: string): number {
  const rates = company.templateRules.vatPercentByTaxGroup;
  return rates[taxGroupCode] ?? rates[''] ?? 0;
}

function resolveItem(company: CompanyState, input: LineInput): BcItem {
  if (!isBlankGuid(input.itemId)) {
    const item = findById(company.items, input.itemId!);
    if (!item) throw applicationError('The "itemId" does not match to an Item.');
    return item;
  }
  const number = input.lineObjectNumber ?? '';
  const item = company.items.find((i) => i.number === number);
  if (!item) throw recordNotFound('Item', `No.='${number}'`);
  return item;
}

/**
 * Builds a line as BC's sales line validation does: the item fills description, unit of measure,
 * VAT and unit price (converted when the item's and the invoice's "Prices Including VAT" differ)
 * unless the client set them; amounts follow from quantity, unit price and the VAT percent.
 */
export function buildLine(
  company: CompanyState,
  invoice: BcSalesInvoice,
  input: LineInput,
  /** The line's own when it is rebuilt, a new one when it is added. */
  id: string,
): BcSalesInvoiceLine {
  if (!isBlankGuid(input.itemId) && !isBlankGuid(input.accountId)) {
    throw applicationError('You can only specify one of the properties "itemId" and "accountId" on a line.');
  }
  const lineType = input.lineType ?? (!isBlankGuid(input.accountId) ? 'Account' : !isBlankGuid(input.itemId) || input.lineObjectNumber ? 'Item' : 'Comment');
  const line: BcSalesInvoiceLine = {
    id,
    documentId: invoice.id,
    sequence: input.sequence ?? 10000,
    itemId: NIL_GUID,
    accountId: NIL_GUID,
    lineType,
    lineObjectNumber: input.lineObjectNumber ?? '',
    description: input.description ?? '',
    description2: input.description2 ?? '',
    unitOfMeasureId: input.unitOfMeasureId ?? NIL_GUID,
    unitOfMeasureCode: input.unitOfMeasureCode ?? '',
    quantity: 0,
    unitPrice: 0,
    discountAmount: 0,
    discountPercent: 0,
    discountAppliedBeforeTax: false,
    amountExcludingTax: 0,
    taxCode: input.taxCode ?? '',
    taxPercent: 0,
    totalTaxAmount: 0,
    amountIncludingTax: 0,
    invoiceDiscountAllocation: 0,
    netAmount: 0,
    netTaxAmount: 0,
    netAmountIncludingTax: 0,
    shipmentDate: input.shipmentDate ?? invoice.invoiceDate,
    itemVariantId: input.itemVariantId ?? NIL_GUID,
    locationId: input.locationId ?? NIL_GUID,
  };
  if (lineType === 'Comment') return line;
  let defaultUnitPrice = 0;
  if (lineType === 'Item') {
    const item = resolveItem(company, input);
    if (item.blocked) throw applicationError(`Blocked must be equal to 'No'  in Item: No.=${item.number}. Current value is 'Yes'.`);
    line.itemId = item.id;
    line.lineObjectNumber = item.number;
    line.description = input.description ?? item.displayName;
    line.unitOfMeasureCode = input.unitOfMeasureCode ?? item.baseUnitOfMeasureCode;
    line.unitOfMeasureId = input.unitOfMeasureId ?? item.baseUnitOfMeasureId;
    line.taxCode = input.taxCode ?? item.taxGroupCode;
    line.taxPercent = taxPercentFor(company, item.taxGroupCode);
    defaultUnitPrice = convertUnitPrice(item.unitPrice, line.taxPercent, item.priceIncludesTax, invoice.pricesIncludeTax);
  } else {
    line.accountId = input.accountId ?? NIL_GUID;
    line.taxPercent = taxPercentFor(company, line.taxCode);
  }
  line.quantity = roundQuantity(input.quantity ?? 0);
  line.unitPrice = input.unitPrice ?? defaultUnitPrice;
  line.discountPercent = input.discountPercent ?? 0;
  return recomputeLine(line, invoice.pricesIncludeTax, input.discountAmount ?? 0);
}

export function recomputeLine(line: BcSalesInvoiceLine, pricesIncludeTax: boolean, discountAmount = line.discountAmount): BcSalesInvoiceLine {
  if (line.lineType === 'Comment') return line;
  const amounts = computeLine({
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    discountPercent: line.discountPercent,
    discountAmount,
    taxPercent: line.taxPercent,
    pricesIncludeTax,
  });
  Object.assign(line, amounts, {
    netAmount: amounts.amountExcludingTax,
    netTaxAmount: amounts.totalTaxAmount,
    netAmountIncludingTax: amounts.amountIncludingTax,
  });
  return line;
}

/** The writable fields of an existing line, so a PATCH can rebuild it with the changes applied. */
export function lineAsInput(line: BcSalesInvoiceLine): LineInput {
  const input: LineInput = {};
  for (const name of Object.keys(lineWritable) as Array<keyof LineInput>) {
    (input as Record<string, unknown>)[name] = line[name];
  }
  return input;
}
