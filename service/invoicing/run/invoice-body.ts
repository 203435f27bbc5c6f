import type { SalesInvoiceCreate, SalesInvoiceLineCreate } from '../../clients/business-central/schemas/sales-invoice';
import { toMinor } from '../../domain/money';
import { toBcLine, type BcLine, type BcTarget } from '../bc-line';
import { describeLine, truncateText, DESCRIPTION_MAX_LENGTH } from '../line-description';
import type { PricedLine } from '../../domain/pricing';
import { rowToPricedLine, staffNamesOf, type LineRow } from './line-rows';

/** One stored line as Business Central should hold it for an invoice of the given price basis. */
export interface BcLineTerms {
  line: PricedLine;
  bc: BcLine;
  description: string;
  itemId: string;
}

export function lineTerms(row: LineRow, target: BcTarget, timeZone: string): BcLineTerms {
  const line = rowToPricedLine(row);
  const bc = toBcLine(line, target);
  const description = describeLine({
    serviceName: line.serviceName,
    start: line.start,
    timeZone,
    staffNames: staffNamesOf(row),
    ...(line.feeKind === undefined ? {} : { feeKind: line.feeKind }),
    // Sent as 1 × amount, the quantity no longer shows the time: the description does.
    ...(bc.fallback === 'quantity-one' ? { durationMinutes: line.durationMinutes } : {}),
  });
  return { line, bc, description: truncateText(description, DESCRIPTION_MAX_LENGTH), itemId: row.bc_item_id };
}

export function lineBody(terms: BcLineTerms): SalesInvoiceLineCreate {
  return { lineType: 'Item', itemId: terms.itemId, description: terms.description, quantity: terms.bc.quantity, unitPrice: terms.bc.unitPrice };
}

export interface InvoiceBodyInput {
  customerId: string;
  externalDocumentNumber: string;
  invoiceDate: string | null;
  /** '' for the company's local currency. */
  currencyCode: string;
  lines: BcLineTerms[];
}

/** A draft with its lines (deep insert). */
export function invoiceBody(input: InvoiceBodyInput): SalesInvoiceCreate {
  return {
    customerId: input.customerId,
    externalDocumentNumber: input.externalDocumentNumber,
    ...(input.invoiceDate === null ? {} : { invoiceDate: input.invoiceDate }),
    currencyCode: input.currencyCode,
    salesInvoiceLines: input.lines.map(lineBody),
  };
}

/** Blank when the Bookings currency is the company's local currency (as Business Central wants), else the ISO code. */
export function bcCurrencyCode(bookingsCurrency: string, localCurrency: string): string {
  return bookingsCurrency.toUpperCase() === localCurrency.trim().toUpperCase() || localCurrency.trim() === '' ? '' : bookingsCurrency.toUpperCase();
}

/**
 * Our lines as Business Central should hold them on a draft whose price basis and per-line VAT
 * are the ones it shows (`taxPercent` per line, in our order).
 */
export function termsForDraft(
  rows: readonly LineRow[],
  draft: { pricesIncludeTax: boolean; taxPercents: readonly (number | undefined)[] },
  setup: { bookingsPricesIncludeVat: boolean; timeZone: string },
): BcLineTerms[] {
  return rows.map((row, i) =>
    lineTerms(
      row,
      { pricesIncludeTax: draft.pricesIncludeTax, vatPercent: draft.taxPercents[i] ?? 0, bookingsPricesIncludeVat: setup.bookingsPricesIncludeVat },
      setup.timeZone,
    ),
  );
}

/** Whether a line in Business Central differs from what it should be (to the minor unit). */
export function lineDiffers(bcLine: { quantity: number; unitPrice: number }, want: BcLineTerms, currency: string): boolean {
  return Math.abs(bcLine.quantity - want.bc.quantity) > 1e-9 || toMinor(bcLine.unitPrice, currency) !== toMinor(want.bc.unitPrice, currency);
}

/**
 * The PATCH that makes a draft's line what it should be. Business Central requires If-Match on an
 * update; a line read without its `@odata.etag` (OData may leave it off an expanded entity) is
 * matched with `*`: it was read just now, and only its quantity, price and text are set.
 */
export function lineCorrection(
  invoiceId: string,
  line: { id: string; etag?: string | undefined },
  want: { bc: Pick<BcLineTerms['bc'], 'quantity' | 'unitPrice'>; description: string },
) {
  return {
    method: 'PATCH' as const,
    path: `salesInvoices(${invoiceId})/salesInvoiceLines(${line.id})`,
    body: { quantity: want.bc.quantity, unitPrice: want.bc.unitPrice, description: want.description },
    ifMatch: line.etag ?? '*',
  };
}
