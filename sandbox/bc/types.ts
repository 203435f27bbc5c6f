/**
 * The Business Central emulator's records, in API v2.0 wire shape (what GET returns, without
 * `@odata.etag`, which the emulator computes), so that the seed, the emulator and its tests agree.
 */
export interface BcCompany {
  id: string; // GUID
  systemVersion: string;
  timestamp: number;
  name: string;
  displayName: string;
  businessProfileId: string;
  systemCreatedAt: string;
  systemCreatedBy: string;
  systemModifiedAt: string;
  systemModifiedBy: string;
}

export interface BcCompanyInformation {
  id: string;
  displayName: string;
  addressLine1: string;
  city: string;
  country: string;
  postalCode: string;
  phoneNumber: string;
  email: string;
  currencyCode: string; // the local currency, e.g. DKK
  currentFiscalYearStartDate: string;
  taxRegistrationNumber: string;
  lastModifiedDateTime: string;
}

export interface BcCustomer {
  id: string;
  number: string;
  displayName: string;
  type: 'Company' | 'Person';
  addressLine1: string;
  addressLine2: string;
  city: string;
  state: string;
  country: string;
  postalCode: string;
  phoneNumber: string;
  email: string; // Text[80]; may hold several addresses separated by ';'
  website: string;
  salespersonCode: string;
  balanceDue: number;
  creditLimit: number;
  taxLiable: boolean;
  taxAreaId: string;
  taxAreaDisplayName: string;
  taxRegistrationNumber: string;
  currencyId: string;
  currencyCode: string; // '' = the company's local currency
  paymentTermsId: string;
  shipmentMethodId: string;
  paymentMethodId: string;
  blocked: '' | ' ' | 'Ship' | 'Invoice' | 'All';
  lastModifiedDateTime: string;
}

export interface BcItem {
  id: string;
  number: string;
  displayName: string;
  displayName2: string;
  type: 'Inventory' | 'Service' | 'Non-Inventory';
  itemCategoryId: string;
  itemCategoryCode: string;
  blocked: boolean;
  gtin: string;
  inventory: number;
  unitPrice: number;
  priceIncludesTax: boolean;
  unitCost: number;
  taxGroupId: string;
  taxGroupCode: string;
  baseUnitOfMeasureId: string;
  baseUnitOfMeasureCode: string;
  generalProductPostingGroupId: string;
  generalProductPostingGroupCode: string;
  inventoryPostingGroupId: string;
  inventoryPostingGroupCode: string;
  lastModifiedDateTime: string;
}

export interface BcSalesInvoiceLine {
  id: string;
  documentId: string;
  sequence: number;
  itemId: string;
  accountId: string;
  lineType: 'Comment' | 'Account' | 'Item' | 'Resource' | 'Value' | 'Charge' | 'Fixed Asset';
  lineObjectNumber: string;
  description: string;
  description2: string;
  unitOfMeasureId: string;
  unitOfMeasureCode: string;
  quantity: number;
  unitPrice: number;
  discountAmount: number;
  discountPercent: number;
  discountAppliedBeforeTax: boolean;
  amountExcludingTax: number;
  taxCode: string;
  taxPercent: number;
  totalTaxAmount: number;
  amountIncludingTax: number;
  invoiceDiscountAllocation: number;
  netAmount: number;
  netTaxAmount: number;
  netAmountIncludingTax: number;
  shipmentDate: string;
  itemVariantId: string;
  locationId: string;
}

export type BcSalesInvoiceStatus = 'Draft' | 'In Review' | 'Open' | 'Paid' | 'Canceled' | 'Corrective';

export interface BcSalesInvoice {
  id: string;
  number: string;
  externalDocumentNumber: string;
  invoiceDate: string; // YYYY-MM-DD
  postingDate: string;
  dueDate: string;
  customerPurchaseOrderReference: string;
  customerId: string;
  customerNumber: string;
  customerName: string;
  billToName: string;
  billToCustomerId: string;
  billToCustomerNumber: string;
  currencyId: string;
  currencyCode: string;
  pricesIncludeTax: boolean;
  paymentTermsId: string;
  discountAmount: number;
  discountAppliedBeforeTax: boolean;
  totalAmountExcludingTax: number;
  totalTaxAmount: number;
  totalAmountIncludingTax: number;
  /** What the customer still owes: the total until payments are applied (sandbox/bc/payments.ts). */
  remainingAmount: number;
  status: BcSalesInvoiceStatus;
  lastModifiedDateTime: string;
  phoneNumber: string;
  email: string;
  salesInvoiceLines: BcSalesInvoiceLine[];
}

/**
 * Business Central's Config. Template Selection Rules, reduced to what the API can observe: values
 * applied to every customer and item inserted through the API.
 */
export interface BcTemplateRules {
  customer: {
    /** "Prices Including VAT" of a new customer, by its type (consumers are usually quoted VAT-inclusive). */
    pricesIncludeTaxByType: { Person: boolean; Company: boolean };
    paymentTermsId: string;
  } | null; // null: the company has no selection rule for customers
  item: {
    taxGroupCode: string;
    baseUnitOfMeasureCode: string;
    generalProductPostingGroupCode: string;
  } | null;
  /** VAT percent by item tax group code ('' is the fallback). */
  vatPercentByTaxGroup: Record<string, number>;
}

/** What every API v2.0 set-up table (payment terms, units, tax groups, ...) has: its GUID, its Code and its name. */
export interface BcCodeRecord {
  id: string;
  code: string;
  displayName: string;
}

export interface BcPaymentTerm extends BcCodeRecord {
  dueDateCalculation: string; // a date formula such as 14D
  discountDateCalculation: string;
  discountPercent: number;
  calculateDiscountOnCreditMemos: boolean;
  lastModifiedDateTime: string;
}

export interface BcSimpleCodeRecord extends BcCodeRecord {
  lastModifiedDateTime: string;
}

export interface BcTaxRecord extends BcCodeRecord {
  taxType: 'Sales Tax' | 'VAT';
  lastModifiedDateTime: string;
}

export interface BcUnitOfMeasure extends BcCodeRecord {
  internationalStandardCode: string; // UNECE Rec 20
  symbol: string;
  lastModifiedDateTime: string;
}

export interface BcCurrency extends BcCodeRecord {
  symbol: string;
  amountDecimalPlaces: string; // e.g. "2:2"
  amountRoundingPrecision: number;
  lastModifiedDateTime: string;
}

/** API v2.0 names this table's text `description`, not `displayName`. */
export interface BcGeneralProductPostingGroup {
  id: string;
  code: string;
  description: string;
  defaultVATProductPostingGroup: string;
  autoInsertDefault: boolean;
  lastModifiedDateTime: string;
}

/**
 * The set-up tables API v2.0 exposes that a customer or item points at. `currencies` is BC's
 * Currencies page, which never lists the local currency (blank currencyCode means local).
 */
export interface BcSetupTables {
  paymentTerms: BcPaymentTerm[];
  paymentMethods: BcSimpleCodeRecord[];
  shipmentMethods: BcSimpleCodeRecord[];
  taxAreas: BcTaxRecord[];
  taxGroups: BcTaxRecord[];
  unitsOfMeasure: BcUnitOfMeasure[];
  itemCategories: BcSimpleCodeRecord[];
  generalProductPostingGroups: BcGeneralProductPostingGroup[];
  currencies: BcCurrency[];
}

export interface BcCompanyData {
  company: BcCompany;
  companyInformation: BcCompanyInformation;
  customers: BcCustomer[];
  /** "Prices Including VAT" per customer id (a customer field the API does not expose). */
  customerPricesIncludeTax: Record<string, boolean>;
  items: BcItem[];
  salesInvoices: BcSalesInvoice[];
  templateRules: BcTemplateRules;
  /**
   * Currency codes set up in the company besides the local one (Currencies page). Absent: the
   * emulator assumes the common ISO codes (see `defaultCurrencies` in the emulator's state).
   */
  currencies?: string[];
  /**
   * The company's set-up tables. Absent: empty tables, and currencies made from `currencies`.
   * When given, its currencies are the company's currencies (and `currencies` is not read).
   */
  setupTables?: BcSetupTables;
}

export interface BcSeed {
  tenant: string;
  environment: string;
  companies: BcCompanyData[];
}
