import type { BcCompanyData, BcSeed, BcTemplateRules } from '../bc/types';
import { DAY_MS, dateOf } from './calendar';
import { bcReference } from './bc-reference';
import { buildBcCustomers } from './bc-customers';
import { buildBcInvoices } from './bc-invoices';
import { buildBcItems } from './bc-items';
import { buildBcSetupTables } from './bc-setup-tables';
import { CLINIC_CURRENCY, SANDBOX_COMPANY_ID, SANDBOX_ENVIRONMENT, SANDBOX_TENANT } from './constants';
import type { SeedCustomer } from './customers';
import { guidFor } from './ids';

const COMPANY_NAME = 'Nordlys Fysioterapi ApS';
// Fixed, so the company looks the same whichever day the sandbox starts.
const COMPANY_CREATED_AT = '2023-01-02T08:00:00.000Z';

export function buildBcSeed(seed: number, bookingsCustomers: readonly SeedCustomer[], today: number): BcSeed {
  const todayMs = today * DAY_MS;
  const reference = bcReference(seed);
  const templateRules: BcTemplateRules = {
    customer: { pricesIncludeTaxByType: { Person: true, Company: false }, paymentTermsId: reference.paymentTerms8DaysId },
    item: { taxGroupCode: 'MOMS25', baseUnitOfMeasureCode: 'TIME', generalProductPostingGroupCode: 'YDELSER' },
    vatPercentByTaxGroup: { MOMS25: 25, MOMSFRI: 0, '': 25 },
  };
  const { customers, byKey } = buildBcCustomers(seed, bookingsCustomers, reference, todayMs);
  // Existing customers got "Prices Including VAT" from the same rule when they were created.
  const customerPricesIncludeTax = Object.fromEntries(
    customers.map((customer) => [customer.id, templateRules.customer?.pricesIncludeTaxByType[customer.type] ?? false]),
  );
  const items = buildBcItems(seed, reference, todayMs);
  const salesInvoices = buildBcInvoices({
    seed,
    today,
    customersByKey: byKey,
    items,
    pricesIncludeTax: customerPricesIncludeTax,
    vatPercentByTaxGroup: templateRules.vatPercentByTaxGroup,
  });
  for (const invoice of salesInvoices) {
    const customer = customers.find((candidate) => candidate.id === invoice.customerId);
    if (customer && invoice.status === 'Open') customer.balanceDue = Math.round((customer.balanceDue + invoice.totalAmountIncludingTax) * 100) / 100;
  }
  const company: BcCompanyData = {
    company: {
      id: SANDBOX_COMPANY_ID,
      systemVersion: '26.1.33404.0',
      timestamp: 4711,
      name: COMPANY_NAME,
      displayName: COMPANY_NAME,
      businessProfileId: '',
      systemCreatedAt: COMPANY_CREATED_AT,
      systemCreatedBy: guidFor(`${seed}|bc-user|admin`),
      systemModifiedAt: COMPANY_CREATED_AT,
      systemModifiedBy: guidFor(`${seed}|bc-user|admin`),
    },
    companyInformation: {
      id: guidFor(`${seed}|bc-company-information`),
      displayName: COMPANY_NAME,
      addressLine1: 'Nørrebrogade 52',
      city: 'København N',
      country: 'DK',
      postalCode: '2200',
      phoneNumber: '+45 33 12 34 56',
      email: 'regnskab@nordlys-fysioterapi.dk',
      currencyCode: CLINIC_CURRENCY,
      currentFiscalYearStartDate: `${dateOf(today).year}-01-01`,
      taxRegistrationNumber: 'DK38291746',
      lastModifiedDateTime: COMPANY_CREATED_AT,
    },
    customers,
    customerPricesIncludeTax,
    items,
    salesInvoices,
    templateRules,
    setupTables: buildBcSetupTables(seed, reference),
  };
  return { tenant: SANDBOX_TENANT, environment: SANDBOX_ENVIRONMENT, companies: [company] };
}
