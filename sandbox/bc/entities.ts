/** Edm types of the API v2.0 properties the emulator serves, for `$filter`, `$select` and body checks. */
export type FieldType = 'string' | 'number' | 'boolean' | 'guid' | 'date' | 'datetime';

export interface EntityDescriptor {
  /** The entity type name as in `Microsoft.NAV.<type>`. */
  type: string;
  fields: Readonly<Record<string, FieldType>>;
  /** Navigation properties that `$expand` accepts. */
  expandable: readonly string[];
}

export const companyEntity: EntityDescriptor = {
  type: 'company',
  fields: {
    id: 'guid',
    systemVersion: 'string',
    timestamp: 'number',
    name: 'string',
    displayName: 'string',
    businessProfileId: 'string',
    systemCreatedAt: 'datetime',
    systemCreatedBy: 'guid',
    systemModifiedAt: 'datetime',
    systemModifiedBy: 'guid',
  },
  expandable: [],
};

export const companyInformationEntity: EntityDescriptor = {
  type: 'companyInformation',
  fields: {
    id: 'guid',
    displayName: 'string',
    addressLine1: 'string',
    city: 'string',
    country: 'string',
    postalCode: 'string',
    phoneNumber: 'string',
    email: 'string',
    currencyCode: 'string',
    currentFiscalYearStartDate: 'date',
    taxRegistrationNumber: 'string',
    lastModifiedDateTime: 'datetime',
  },
  expandable: [],
};

export const customerEntity: EntityDescriptor = {
  type: 'customer',
  fields: {
    id: 'guid',
    number: 'string',
    displayName: 'string',
    type: 'string',
    addressLine1: 'string',
    addressLine2: 'string',
    city: 'string',
    state: 'string',
    country: 'string',
    postalCode: 'string',
    phoneNumber: 'string',
    email: 'string',
    website: 'string',
    salespersonCode: 'string',
    balanceDue: 'number',
    creditLimit: 'number',
    taxLiable: 'boolean',
    taxAreaId: 'guid',
    taxAreaDisplayName: 'string',
    taxRegistrationNumber: 'string',
    currencyId: 'guid',
    currencyCode: 'string',
    paymentTermsId: 'guid',
    shipmentMethodId: 'guid',
    paymentMethodId: 'guid',
    blocked: 'string',
    lastModifiedDateTime: 'datetime',
  },
  expandable: [],
};

export const itemEntity: EntityDescriptor = {
  type: 'item',
  fields: {
    id: 'guid',
    number: 'string',
    displayName: 'string',
    displayName2: 'string',
    type: 'string',
    itemCategoryId: 'guid',
    itemCategoryCode: 'string',
    blocked: 'boolean',
    gtin: 'string',
    inventory: 'number',
    unitPrice: 'number',
    priceIncludesTax: 'boolean',
    unitCost: 'number',
    taxGroupId: 'guid',
    taxGroupCode: 'string',
    baseUnitOfMeasureId: 'guid',
    baseUnitOfMeasureCode: 'string',
    generalProductPostingGroupId: 'guid',
    generalProductPostingGroupCode: 'string',
    inventoryPostingGroupId: 'guid',
    inventoryPostingGroupCode: 'string',
    lastModifiedDateTime: 'datetime',
  },
  expandable: [],
};

export const salesInvoiceLineEntity: EntityDescriptor = {
  type: 'salesInvoiceLine',
  fields: {
    id: 'guid',
    documentId: 'guid',
    sequence: 'number',
    itemId: 'guid',
    accountId: 'guid',
    lineType: 'string',
    lineObjectNumber: 'string',
    description: 'string',
    description2: 'string',
    unitOfMeasureId: 'guid',
    unitOfMeasureCode: 'string',
    quantity: 'number',
    unitPrice: 'number',
    discountAmount: 'number',
    discountPercent: 'number',
    discountAppliedBeforeTax: 'boolean',
    amountExcludingTax: 'number',
    taxCode: 'string',
    taxPercent: 'number',
    totalTaxAmount: 'number',
    amountIncludingTax: 'number',
    invoiceDiscountAllocation: 'number',
    netAmount: 'number',
    netTaxAmount: 'number',
    netAmountIncludingTax: 'number',
    shipmentDate: 'date',
    itemVariantId: 'guid',
    locationId: 'guid',
  },
  expandable: [],
};

export const salesInvoiceEntity: EntityDescriptor = {
  type: 'salesInvoice',
  fields: {
    id: 'guid',
    number: 'string',
    externalDocumentNumber: 'string',
    invoiceDate: 'date',
    postingDate: 'date',
    dueDate: 'date',
    customerPurchaseOrderReference: 'string',
    customerId: 'guid',
    customerNumber: 'string',
    customerName: 'string',
    billToName: 'string',
    billToCustomerId: 'guid',
    billToCustomerNumber: 'string',
    currencyId: 'guid',
    currencyCode: 'string',
    pricesIncludeTax: 'boolean',
    paymentTermsId: 'guid',
    discountAmount: 'number',
    discountAppliedBeforeTax: 'boolean',
    totalAmountExcludingTax: 'number',
    totalTaxAmount: 'number',
    totalAmountIncludingTax: 'number',
    remainingAmount: 'number',
    status: 'string',
    lastModifiedDateTime: 'datetime',
    phoneNumber: 'string',
    email: 'string',
  },
  expandable: ['salesInvoiceLines'],
};

const codeTable = (type: string, extra: Readonly<Record<string, FieldType>> = {}): EntityDescriptor => ({
  type,
  fields: { id: 'guid', code: 'string', displayName: 'string', ...extra, lastModifiedDateTime: 'datetime' },
  expandable: [],
});

/** The set-up tables, with the properties API v2.0 documents for each. */
export const paymentTermEntity = codeTable('paymentTerm', {
  dueDateCalculation: 'string',
  discountDateCalculation: 'string',
  discountPercent: 'number',
  calculateDiscountOnCreditMemos: 'boolean',
});
export const paymentMethodEntity = codeTable('paymentMethod');
export const shipmentMethodEntity = codeTable('shipmentMethod');
export const taxAreaEntity = codeTable('taxArea', { taxType: 'string' });
export const taxGroupEntity = codeTable('taxGroup', { taxType: 'string' });
export const unitOfMeasureEntity = codeTable('unitOfMeasure', { internationalStandardCode: 'string', symbol: 'string' });
export const itemCategoryEntity = codeTable('itemCategory');
export const generalProductPostingGroupEntity: EntityDescriptor = {
  type: 'generalProductPostingGroup',
  fields: {
    id: 'guid',
    code: 'string',
    description: 'string',
    defaultVATProductPostingGroup: 'string',
    autoInsertDefault: 'boolean',
    lastModifiedDateTime: 'datetime',
  },
  expandable: [],
};
export const currencyEntity = codeTable('currency', { symbol: 'string', amountDecimalPlaces: 'string', amountRoundingPrecision: 'number' });
