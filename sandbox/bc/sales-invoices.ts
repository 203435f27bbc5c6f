import { numbersOf } from './numbering';
import { distributeVat, fromCents, sumTotals, toCents } from './amounts';
import { resolveCurrencyCode } from './currency';
import { salesInvoiceEntity } from './entities';
import { applicationError, invalidBody } from './errors';
import { remainingAfterTotals } from './payments';
import { NIL_GUID, findById, isBlankGuid } from './ids';
import { buildLine, lineAsInput, recomputeLine, validateLineBody, type LineInput } from './sales-invoice-lines';
import type { BcState, CompanyState } from './state';
import type { BcCustomer, BcSalesInvoice, BcSalesInvoiceLine } from './types';
import { validateWrite, type WriteSpec } from './write-body';

const invoiceWritable: WriteSpec = {
  externalDocumentNumber: { maxLength: 35, code: true },
  invoiceDate: {},
  postingDate: {},
  dueDate: {},
  customerPurchaseOrderReference: { maxLength: 35 },
  customerId: {},
  customerNumber: { maxLength: 20, code: true },
  billToCustomerId: {},
  billToCustomerNumber: { maxLength: 20, code: true },
  currencyId: {},
  currencyCode: { maxLength: 10, code: true },
  paymentTermsId: {},
  phoneNumber: { maxLength: 30 },
  email: { maxLength: 80 },
};

// invoiceWritable is keyed by any string, so the fields it can write are the invoice's own.
type InvoiceInput = Partial<BcSalesInvoice>;

// Labels of BC's "APIV2 - Sales Invoices" page.
const messages = {
  customerNotProvided: 'A "customerNumber" or a "customerId" must be provided.',
  customerIdNotFound: 'The "customerId" does not match to a Customer.',
  customerNumberNotFound: 'The "customerNumber" does not match to a Customer.',
  customerMismatch: 'The sell-to customer values do not match to a specific Customer.',
  draftOnly: 'The action can be applied to a draft invoice only.',
  postedOnly: 'The action can be applied to a posted invoice only.',
  alreadyCanceled: 'The invoice cannot be canceled because it has already been canceled.',
};

/** Edits of a posted invoice: BC keeps posted documents read-only (wording chosen here). */
const postedReadOnly = () => applicationError('You cannot modify a posted invoice. Only draft invoices can be changed.');

function resolveCustomer(company: CompanyState, input: InvoiceInput): BcCustomer {
  const hasId = !isBlankGuid(input.customerId);
  const hasNumber = input.customerNumber !== undefined && input.customerNumber !== '';
  if (!hasId && !hasNumber) throw applicationError(messages.customerNotProvided);
  const byId = hasId ? findById(company.customers, input.customerId!) : undefined;
  if (hasId && !byId) throw applicationError(messages.customerIdNotFound);
  const byNumber = hasNumber ? company.customers.find((c) => c.number === input.customerNumber) : undefined;
  if (hasNumber && !byNumber) throw applicationError(messages.customerNumberNotFound);
  if (byId && byNumber && byId !== byNumber) throw applicationError(messages.customerMismatch);
  const customer = (byId ?? byNumber)!;
  if (customer.blocked === 'All' || customer.blocked === 'Invoice') {
    throw applicationError(`You cannot create this type of document when Customer ${customer.number} is blocked with type ${customer.blocked}`);
  }
  return customer;
}

function applyCustomer(company: CompanyState, invoice: BcSalesInvoice, customer: BcCustomer): void {
  invoice.customerId = customer.id;
  invoice.customerNumber = customer.number;
  invoice.customerName = customer.displayName;
  invoice.billToCustomerId = customer.id;
  invoice.billToCustomerNumber = customer.number;
  invoice.billToName = customer.displayName;
  invoice.pricesIncludeTax = company.customerPricesIncludeTax[customer.id] ?? false;
  invoice.paymentTermsId = customer.paymentTermsId;
  invoice.currencyCode = resolveCurrencyCode(company, customer.currencyCode);
  invoice.phoneNumber = customer.phoneNumber;
  invoice.email = customer.email;
}

export function refreshTotals(state: BcState, invoice: BcSalesInvoice, now: Date): void {
  const lines = invoice.salesInvoiceLines.filter((l) => l.lineType !== 'Comment');
  const spread = distributeVat(
    lines.map((l) => ({ taxPercent: l.taxPercent, netCents: toCents(invoice.pricesIncludeTax ? l.amountIncludingTax : l.amountExcludingTax) })),
    invoice.pricesIncludeTax,
  );
  lines.forEach((line, i) => {
    const { excl, tax, incl } = spread[i]!;
    Object.assign(line, {
      amountExcludingTax: fromCents(excl),
      totalTaxAmount: fromCents(tax),
      amountIncludingTax: fromCents(incl),
      netAmount: fromCents(excl),
      netTaxAmount: fromCents(tax),
      netAmountIncludingTax: fromCents(incl),
    });
  });
  Object.assign(invoice, sumTotals(lines));
  remainingAfterTotals(invoice);
  invoice.lastModifiedDateTime = now.toISOString();
  state.touch(invoice.id);
}

function readLines(raw: unknown): Record<string, unknown>[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.some((l) => l === null || typeof l !== 'object' || Array.isArray(l))) throw invalidBody();
  return raw as Record<string, unknown>[];
}

/** POST salesInvoices, with its lines when sent inline (deep insert): all or nothing. */
export function createInvoice(state: BcState, company: CompanyState, body: Record<string, unknown>, now: Date): BcSalesInvoice {
  const input = validateWrite(body, salesInvoiceEntity, invoiceWritable, ['salesInvoiceLines']) as InvoiceInput;
  const lineBodies = readLines(body.salesInvoiceLines).map(validateLineBody);
  const customer = resolveCustomer(company, input);
  const today = now.toISOString().slice(0, 10);
  const invoiceDate = input.invoiceDate ?? today;
  const inUse = numbersOf(company.salesInvoices);
  const invoice: BcSalesInvoice = {
    id: state.newId('salesInvoice'),
    number: '',
    externalDocumentNumber: '',
    invoiceDate,
    postingDate: invoiceDate,
    // Without payment terms data the due date stays the document date unless given.
    dueDate: invoiceDate,
    customerPurchaseOrderReference: '',
    customerId: NIL_GUID,
    customerNumber: '',
    customerName: '',
    billToName: '',
    billToCustomerId: NIL_GUID,
    billToCustomerNumber: '',
    currencyId: NIL_GUID,
    currencyCode: '',
    pricesIncludeTax: false,
    paymentTermsId: NIL_GUID,
    discountAmount: 0,
    discountAppliedBeforeTax: true,
    totalAmountExcludingTax: 0,
    totalTaxAmount: 0,
    totalAmountIncludingTax: 0,
    remainingAmount: 0,
    status: 'Draft',
    lastModifiedDateTime: now.toISOString(),
    phoneNumber: '',
    email: '',
    salesInvoiceLines: [],
  };
  applyCustomer(company, invoice, customer);
  const { customerId: _id, customerNumber: _number, currencyCode, ...rest } = input;
  Object.assign(invoice, rest);
  if (currencyCode !== undefined) invoice.currencyCode = resolveCurrencyCode(company, currencyCode);
  invoice.salesInvoiceLines = buildLines(state, company, invoice, lineBodies);
  invoice.number = state.nextNumber(company, 'draftInvoice', inUse);
  for (const line of invoice.salesInvoiceLines) state.touch(line.id);
  company.salesInvoices.push(invoice);
  refreshTotals(state, invoice, now);
  return invoice;
}

function buildLines(state: BcState, company: CompanyState, invoice: BcSalesInvoice, inputs: LineInput[]): BcSalesInvoiceLine[] {
  const lines: BcSalesInvoiceLine[] = [];
  for (const input of inputs) {
    const sequence = input.sequence ?? nextSequence(lines);
    lines.push(buildLine(company, invoice, { ...input, sequence }, state.newId('salesInvoiceLine')));
  }
  return lines;
}

/** BC numbers lines 10000, 20000, ... */
export function nextSequence(lines: readonly BcSalesInvoiceLine[]): number {
  return lines.reduce((max, l) => Math.max(max, l.sequence), 0) + 10000;
}

export function updateInvoice(state: BcState, company: CompanyState, invoice: BcSalesInvoice, body: Record<string, unknown>, now: Date): void {
  const input = validateWrite(body, salesInvoiceEntity, invoiceWritable) as InvoiceInput;
  if (invoice.status !== 'Draft') throw postedReadOnly();
  const customerChanged =
    (input.customerId !== undefined && input.customerId !== invoice.customerId.toLowerCase()) ||
    (input.customerNumber !== undefined && input.customerNumber !== invoice.customerNumber);
  const { customerId, customerNumber, currencyCode, ...rest } = input;
  if (customerChanged) {
    const customer = resolveCustomer(company, {
      customerId: customerId ?? (customerNumber !== undefined ? undefined : invoice.customerId),
      customerNumber,
    });
    applyCustomer(company, invoice, customer);
    for (const line of invoice.salesInvoiceLines) {
      recomputeLine(line, invoice.pricesIncludeTax);
      state.touch(line.id);
    }
  }
  Object.assign(invoice, rest);
  if (currencyCode !== undefined) invoice.currencyCode = resolveCurrencyCode(company, currencyCode);
  refreshTotals(state, invoice, now);
}

export function deleteInvoice(state: BcState, company: CompanyState, invoice: BcSalesInvoice): void {
  if (invoice.status !== 'Draft') throw applicationError('You cannot delete a posted invoice.');
  company.salesInvoices = company.salesInvoices.filter((i) => i !== invoice);
  for (const line of invoice.salesInvoiceLines) state.forget(line.id);
  state.forget(invoice.id);
}

/** Microsoft.NAV.post: the draft becomes a posted invoice (status Open) with a number from the posted series, same id. */
export function postInvoice(state: BcState, company: CompanyState, invoice: BcSalesInvoice, now: Date): void {
  if (invoice.status !== 'Draft') throw applicationError(messages.draftOnly);
  if (!invoice.salesInvoiceLines.some((l) => l.lineType !== 'Comment' && l.quantity !== 0)) {
    throw applicationError('There is nothing to post.');
  }
  invoice.number = state.nextNumber(company, 'postedInvoice', numbersOf(company.salesInvoices));
  invoice.status = 'Open';
  refreshTotals(state, invoice, now);
}

/**
 * Microsoft.NAV.send: Business Central emails a posted invoice (as a PDF) to the customer's email.
 * A draft cannot be sent; a customer without an email cannot receive one (wording chosen here).
 */
export function sendInvoice(company: CompanyState, invoice: BcSalesInvoice, now: Date): void {
  if (invoice.status === 'Draft' || invoice.status === 'In Review') throw applicationError(messages.postedOnly);
  if (invoice.email.trim() === '') throw applicationError(`You must specify an email address for customer ${invoice.customerNumber}.`);
  (company.outbox ??= []).push({ invoiceId: invoice.id, number: invoice.number, to: invoice.email, at: now.toISOString() });
}

/** Microsoft.NAV.postAndSend: post, then send the posted invoice; a draft that cannot be posted is not sent. */
export function postAndSendInvoice(state: BcState, company: CompanyState, invoice: BcSalesInvoice, now: Date): void {
  postInvoice(state, company, invoice, now);
  sendInvoice(company, invoice, now);
}

/** Microsoft.NAV.cancel: a posted, unpaid invoice is corrected by a credit memo and shows as Canceled. */
export function cancelInvoice(state: BcState, invoice: BcSalesInvoice, now: Date): void {
  if (invoice.status === 'Draft' || invoice.status === 'In Review') throw applicationError(messages.postedOnly);
  if (invoice.status === 'Canceled') throw applicationError(messages.alreadyCanceled);
  if (invoice.status === 'Paid') {
    throw applicationError('You cannot cancel this posted sales invoice because it is fully or partially paid.');
  }
  invoice.status = 'Canceled';
  invoice.lastModifiedDateTime = now.toISOString();
  state.touch(invoice.id);
}

export function addLine(state: BcState, company: CompanyState, invoice: BcSalesInvoice, body: Record<string, unknown>, now: Date): BcSalesInvoiceLine {
  const input = validateLineBody(body);
  if (invoice.status !== 'Draft') throw postedReadOnly();
  const line = buildLine(company, invoice, { ...input, sequence: input.sequence ?? nextSequence(invoice.salesInvoiceLines) }, state.newId('salesInvoiceLine'));
  invoice.salesInvoiceLines.push(line);
  state.touch(line.id);
  refreshTotals(state, invoice, now);
  return line;
}

export function updateLine(
  state: BcState,
  company: CompanyState,
  invoice: BcSalesInvoice,
  line: BcSalesInvoiceLine,
  body: Record<string, unknown>,
  now: Date,
): void {
  const patch = validateLineBody(body);
  if (invoice.status !== 'Draft') throw postedReadOnly();
  const base = lineAsInput(line);
  if (patch.itemId !== undefined || patch.lineObjectNumber !== undefined) {
    // A new item re-defaults what came from the old one, as validating "No." does in BC.
    for (const key of ['itemId', 'lineObjectNumber', 'description', 'unitPrice', 'unitOfMeasureId', 'unitOfMeasureCode', 'taxCode'] as const) {
      delete base[key];
    }
  }
  const rebuilt = buildLine(company, invoice, { ...base, ...patch }, line.id);
  Object.assign(line, rebuilt);
  state.touch(line.id);
  refreshTotals(state, invoice, now);
}

export function deleteLine(state: BcState, invoice: BcSalesInvoice, line: BcSalesInvoiceLine, now: Date): void {
  if (invoice.status !== 'Draft') throw postedReadOnly();
  invoice.salesInvoiceLines = invoice.salesInvoiceLines.filter((l) => l !== line);
  state.forget(line.id);
  refreshTotals(state, invoice, now);
}
