import { numbersOf } from './numbering';
import { resolveCurrencyCode } from './currency';
import { customerEntity } from './entities';
import { BcError, applicationError } from './errors';
import { NIL_GUID } from './ids';
import type { BcState, CompanyState } from './state';
import type { BcCustomer } from './types';
import { validateWrite, type WriteSpec } from './write-body';

const customerWritable: WriteSpec = {
  number: { maxLength: 20, code: true },
  displayName: { maxLength: 100 },
  type: { options: ['Company', 'Person'] },
  addressLine1: { maxLength: 100 },
  addressLine2: { maxLength: 50 },
  city: { maxLength: 30 },
  state: { maxLength: 30 },
  country: { maxLength: 10, code: true },
  postalCode: { maxLength: 20, code: true },
  phoneNumber: { maxLength: 30 },
  email: { maxLength: 80 },
  website: { maxLength: 80 },
  salespersonCode: { maxLength: 20, code: true },
  creditLimit: {},
  taxLiable: {},
  taxAreaId: {},
  taxRegistrationNumber: { maxLength: 20 },
  currencyId: {},
  currencyCode: { maxLength: 10, code: true },
  paymentTermsId: {},
  shipmentMethodId: {},
  paymentMethodId: {},
  blocked: { options: ['', ' ', 'Ship', 'Invoice', 'All'] },
};

export function blankNameError(table: string, number: string): BcError {
  return applicationError(`Name must have a value in ${table}: No.=${number}. It cannot be zero or empty.`);
}

function duplicateNumber(table: string, number: string): BcError {
  return new BcError(400, 'Internal_EntityWithSameKeyExists', `The record in table ${table} already exists. Identification fields and values: No.='${number}'`);
}

/**
 * Inserts a customer as BC's API page does, then applies the company's template selection rule
 * (what gives the customer "Prices Including VAT" and payment terms).
 */
export function createCustomer(state: BcState, company: CompanyState, body: Record<string, unknown>, now: Date): BcCustomer {
  const input = validateWrite(body, customerEntity, customerWritable) as Partial<BcCustomer>;
  const inUse = numbersOf(company.customers);
  if (input.number !== undefined && input.number !== '' && inUse.has(input.number)) throw duplicateNumber('Customer', input.number);
  const number = input.number || state.nextNumber(company, 'customer', inUse);
  if (!input.displayName?.trim()) throw blankNameError('Customer', number);
  const rule = company.templateRules.customer;
  const type = input.type ?? 'Company';
  const customer: BcCustomer = {
    id: state.newId('customer'),
    number,
    displayName: input.displayName,
    type,
    addressLine1: '',
    addressLine2: '',
    city: '',
    state: '',
    country: '',
    postalCode: '',
    phoneNumber: '',
    email: '',
    website: '',
    salespersonCode: '',
    balanceDue: 0,
    creditLimit: 0,
    taxLiable: false,
    taxAreaId: NIL_GUID,
    taxAreaDisplayName: '',
    taxRegistrationNumber: '',
    currencyId: NIL_GUID,
    paymentTermsId: rule?.paymentTermsId ?? NIL_GUID,
    shipmentMethodId: NIL_GUID,
    paymentMethodId: NIL_GUID,
    blocked: ' ',
    ...input,
    currencyCode: resolveCurrencyCode(company, input.currencyCode ?? ''),
    lastModifiedDateTime: now.toISOString(),
  };
  company.customers.push(customer);
  company.customerPricesIncludeTax[customer.id] = rule ? rule.pricesIncludeTaxByType[type] : false;
  state.touch(customer.id);
  return customer;
}

export function updateCustomer(state: BcState, company: CompanyState, customer: BcCustomer, body: Record<string, unknown>, now: Date): void {
  const input = validateWrite(body, customerEntity, customerWritable) as Partial<BcCustomer>;
  if (input.number !== undefined && input.number !== customer.number && company.customers.some((c) => c.number === input.number)) {
    throw duplicateNumber('Customer', input.number);
  }
  if (input.displayName !== undefined && input.displayName.trim() === '') throw blankNameError('Customer', customer.number);
  const currencyCode = input.currencyCode === undefined ? customer.currencyCode : resolveCurrencyCode(company, input.currencyCode);
  Object.assign(customer, input, { currencyCode, lastModifiedDateTime: now.toISOString() });
  state.touch(customer.id);
}

export function deleteCustomer(state: BcState, company: CompanyState, customer: BcCustomer): void {
  if (company.salesInvoices.some((i) => i.customerId.toLowerCase() === customer.id.toLowerCase() && i.status === 'Draft')) {
    throw applicationError(`You cannot delete Customer ${customer.number} because there is at least one outstanding Sales Invoice for this customer.`);
  }
  company.customers = company.customers.filter((c) => c !== customer);
  delete company.customerPricesIncludeTax[customer.id];
  state.forget(customer.id);
}
