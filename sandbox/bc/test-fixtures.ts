import type { BcCompanyData, BcCustomer, BcItem, BcSeed } from './types';

/** Small hand-made seeds for the emulator's own tests. */
export const COMPANY_ID = '11111111-2222-3333-4444-555555555555';
export const PERSON_ID = 'aaaaaaaa-0000-0000-0000-000000000001';
export const COMPANY_CUSTOMER_ID = 'aaaaaaaa-0000-0000-0000-000000000002';
export const BLOCKED_ID = 'aaaaaaaa-0000-0000-0000-000000000003';
export const SERVICE_ITEM_ID = 'bbbbbbbb-0000-0000-0000-000000000001';
export const BOOK_ITEM_ID = 'bbbbbbbb-0000-0000-0000-000000000002';
export const PAYMENT_TERMS_ID = 'cccccccc-0000-0000-0000-000000000001';

const NIL = '00000000-0000-0000-0000-000000000000';

export function customer(id: string, number: string, displayName: string, extra: Partial<BcCustomer> = {}): BcCustomer {
  return {
    id,
    number,
    displayName,
    type: 'Person',
    addressLine1: '',
    addressLine2: '',
    city: '',
    state: '',
    country: 'DK',
    postalCode: '',
    phoneNumber: '',
    email: '',
    website: '',
    salespersonCode: '',
    balanceDue: 0,
    creditLimit: 0,
    taxLiable: false,
    taxAreaId: NIL,
    taxAreaDisplayName: '',
    taxRegistrationNumber: '',
    currencyId: NIL,
    currencyCode: 'DKK',
    paymentTermsId: NIL,
    shipmentMethodId: NIL,
    paymentMethodId: NIL,
    blocked: ' ',
    lastModifiedDateTime: '2024-01-01T00:00:00Z',
    ...extra,
  };
}

function item(id: string, number: string, displayName: string, extra: Partial<BcItem> = {}): BcItem {
  return {
    id,
    number,
    displayName,
    displayName2: '',
    type: 'Service',
    itemCategoryId: NIL,
    itemCategoryCode: '',
    blocked: false,
    gtin: '',
    inventory: 0,
    unitPrice: 100,
    priceIncludesTax: false,
    unitCost: 0,
    taxGroupId: 'dddddddd-0000-0000-0000-000000000001',
    taxGroupCode: 'SERVICES',
    baseUnitOfMeasureId: 'eeeeeeee-0000-0000-0000-000000000001',
    baseUnitOfMeasureCode: 'HOUR',
    generalProductPostingGroupId: NIL,
    generalProductPostingGroupCode: 'SERVICES',
    inventoryPostingGroupId: NIL,
    inventoryPostingGroupCode: '',
    lastModifiedDateTime: '2024-01-01T00:00:00Z',
    ...extra,
  };
}

export function companyData(extraCustomers = 0): BcCompanyData {
  const customers = [
    customer(PERSON_ID, 'C00010', 'Anna Jensen', { email: 'anna@example.com' }),
    customer(COMPANY_CUSTOMER_ID, 'C00020', "O'Brien & Co", { type: 'Company', email: 'billing@obrien.example' }),
    customer(BLOCKED_ID, 'C00030', 'Blocked Person', { blocked: 'Invoice' }),
  ];
  for (let i = 0; i < extraCustomers; i += 1) {
    const n = 100 + i;
    customers.push(customer(`aaaaaaaa-1111-0000-0000-${String(n).padStart(12, '0')}`, `C${String(n * 10).padStart(5, '0')}`, `Extra ${n}`));
  }
  return {
    company: {
      id: COMPANY_ID,
      systemVersion: '24.0',
      timestamp: 1,
      name: 'CRONUS Danmark A/S',
      displayName: 'CRONUS Danmark A/S',
      businessProfileId: '',
      systemCreatedAt: '2024-01-01T00:00:00Z',
      systemCreatedBy: NIL,
      systemModifiedAt: '2024-01-01T00:00:00Z',
      systemModifiedBy: NIL,
    },
    companyInformation: {
      id: 'ffffffff-0000-0000-0000-000000000001',
      displayName: 'CRONUS Danmark A/S',
      addressLine1: 'Vesterbrogade 1',
      city: 'København',
      country: 'DK',
      postalCode: '1620',
      phoneNumber: '',
      email: '',
      currencyCode: 'DKK',
      currentFiscalYearStartDate: '2024-01-01',
      taxRegistrationNumber: '',
      lastModifiedDateTime: '2024-01-01T00:00:00Z',
    },
    customers,
    customerPricesIncludeTax: { [PERSON_ID]: true, [COMPANY_CUSTOMER_ID]: false, [BLOCKED_ID]: true },
    items: [item(SERVICE_ITEM_ID, '1000', 'Consultation'), item(BOOK_ITEM_ID, '1001', 'Book', { taxGroupCode: 'REDUCED', unitPrice: 80 })],
    salesInvoices: [],
    templateRules: {
      customer: { pricesIncludeTaxByType: { Person: true, Company: false }, paymentTermsId: PAYMENT_TERMS_ID },
      item: { taxGroupCode: 'SERVICES', baseUnitOfMeasureCode: 'HOUR', generalProductPostingGroupCode: 'SERVICES' },
      vatPercentByTaxGroup: { SERVICES: 25, REDUCED: 12.5, '': 25 },
    },
    currencies: ['EUR', 'USD'],
  };
}

export function testSeed(extraCustomers = 0): BcSeed {
  return { tenant: 'contoso', environment: 'sandbox', companies: [companyData(extraCustomers)] };
}
