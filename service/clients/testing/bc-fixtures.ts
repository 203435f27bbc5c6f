export const COMPANY_ID = '11111111-2222-3333-4444-555555555555';

export function rawCustomer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@odata.etag': 'W/"JzE5OzEyMzQ1Njc4OTAxMjM0NTY3ODkxOzAwOyc="',
    id: 'c0000000-0000-0000-0000-000000000001',
    number: '10000',
    displayName: 'Anne Hansen',
    type: 'Person',
    email: 'anne@example.com;anne.h@example.com',
    currencyCode: '',
    paymentTermsId: 'p-1',
    taxAreaId: '',
    blocked: ' ',
    balanceDue: 0,
    website: 'ignored',
    ...overrides,
  };
}

export function rawSalesInvoice(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@odata.etag': 'W/"inv-1"',
    id: 'a0000000-0000-0000-0000-000000000001',
    number: '103001',
    externalDocumentNumber: 'BK-RUN1-ABC',
    invoiceDate: '2026-11-04',
    postingDate: '2026-11-04',
    dueDate: '2026-12-04',
    customerId: 'c0000000-0000-0000-0000-000000000001',
    customerNumber: '10000',
    customerName: 'Anne Hansen',
    currencyCode: 'DKK',
    pricesIncludeTax: true,
    discountAmount: 0,
    totalAmountExcludingTax: 520,
    totalTaxAmount: 130,
    totalAmountIncludingTax: 650,
    status: 'Draft',
    lastModifiedDateTime: '2026-11-04T08:00:00Z',
    ...overrides,
  };
}

export function rawSalesInvoiceLine(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@odata.etag': 'W/"line-1"',
    id: 'b0000000-0000-0000-0000-000000000001',
    documentId: 'a0000000-0000-0000-0000-000000000001',
    sequence: 10000,
    lineType: 'Item',
    itemId: 'i-1',
    lineObjectNumber: 'MASSAGE',
    description: 'Massage 3 Nov 2026, Bo',
    quantity: 1,
    unitPrice: 650,
    taxPercent: 25,
    amountIncludingTax: 650,
    ...overrides,
  };
}
