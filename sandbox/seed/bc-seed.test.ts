import type { BcCompanyData } from '../bc/types';
import { SANDBOX_COMPANY_ID, SANDBOX_ENVIRONMENT, SANDBOX_TENANT, generateSandboxData } from './index';

const data = generateSandboxData({ now: new Date('2026-06-15T10:30:00Z') });
const bookings = data.bookings.businesses[0];
const company = data.bc.companies[0] as BcCompanyData;
const bookingsEmails = new Set((bookings?.customers ?? []).map((c) => c.emailAddress.toLowerCase()).filter(Boolean));
const addressesOf = (email: string) =>
  email
    .split(';')
    .map((address) => address.trim().toLowerCase())
    .filter(Boolean);
const overlapping = company.customers.filter((customer) => addressesOf(customer.email).some((address) => bookingsEmails.has(address)));

describe('generateSandboxData: Business Central', () => {
  it('is the Nordlys company in DKK under the sandbox tenant', () => {
    expect(data.bc).toMatchObject({ tenant: SANDBOX_TENANT, environment: SANDBOX_ENVIRONMENT });
    expect(data.bc.companies).toHaveLength(1);
    expect(company.company).toMatchObject({ id: SANDBOX_COMPANY_ID, name: 'Nordlys Fysioterapi ApS' });
    expect(company.companyInformation.currencyCode).toBe('DKK');
  });

  it('already knows about 15% of the Bookings customers, matched case-insensitively by email', () => {
    const known = (bookings?.customers ?? []).filter(
      (c) => c.emailAddress && overlapping.some((b) => addressesOf(b.email).includes(c.emailAddress.toLowerCase())),
    );
    const share = known.length / (bookings?.customers.length ?? 1);
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.22);
    const exact = new Set((bookings?.customers ?? []).map((c) => c.emailAddress));
    expect(overlapping.some((customer) => !customer.email.includes(';') && !exact.has(customer.email))).toBe(true);
    expect(company.customers.length - overlapping.length).toBeGreaterThanOrEqual(3);
  });

  it('has companies, customers with two addresses and one blocked customer that Bookings knows', () => {
    expect(overlapping.some((c) => c.type === 'Company')).toBe(true);
    expect(overlapping.some((c) => c.email.includes(';'))).toBe(true);
    const blocked = company.customers.filter((c) => c.blocked !== ' ' && c.blocked !== '');
    expect(blocked).toHaveLength(1);
    expect(overlapping).toContain(blocked[0]);
  });

  it('does not match a Bookings customer by name alone', () => {
    const namesake = company.customers.find((c) => c.displayName === 'Lars Nielsen');
    expect(namesake).toBeDefined();
    expect(overlapping).not.toContain(namesake);
    expect(bookings?.customers.some((c) => c.displayName === 'Lars Nielsen')).toBe(true);
  });

  it('respects Business Central field lengths', () => {
    for (const customer of company.customers) {
      expect(customer.displayName.length).toBeLessThanOrEqual(100);
      expect(customer.email.length).toBeLessThanOrEqual(80);
    }
    expect(company.customers.some((c) => c.displayName.length === 100)).toBe(true);
    for (const item of company.items) expect(item.displayName.length).toBeLessThanOrEqual(100);
  });

  it('gives "Prices Including VAT" by customer type, as the template rules say', () => {
    expect(company.templateRules).toMatchObject({
      customer: { pricesIncludeTaxByType: { Person: true, Company: false } },
      item: { taxGroupCode: 'MOMS25' },
      vatPercentByTaxGroup: { MOMS25: 25, MOMSFRI: 0, '': 25 },
    });
    expect(Object.keys(company.customerPricesIncludeTax).sort()).toEqual(company.customers.map((c) => c.id).sort());
    for (const customer of company.customers) expect(company.customerPricesIncludeTax[customer.id]).toBe(customer.type === 'Person');
  });

  it('has service items, one named like a Bookings service, and an inventory item', () => {
    const serviceNames = new Set(bookings?.services.map((s) => s.displayName));
    expect(company.items.filter((i) => i.type === 'Service').length).toBeGreaterThanOrEqual(2);
    expect(company.items.some((i) => i.type === 'Inventory' && i.baseUnitOfMeasureCode === 'STK')).toBe(true);
    expect(company.items.filter((i) => serviceNames.has(i.displayName))).toHaveLength(1);
    for (const item of company.items) expect(['TIME', 'STK']).toContain(item.baseUnitOfMeasureCode);
  });

  it('has a few posted invoices whose totals add up, to customers Bookings does not know', () => {
    expect(company.salesInvoices.length).toBeGreaterThanOrEqual(3);
    const itemIds = new Set(company.items.map((i) => i.id));
    for (const invoice of company.salesInvoices) {
      expect(['Open', 'Paid']).toContain(invoice.status);
      const customer = company.customers.find((c) => c.id === invoice.customerId);
      expect(customer).toBeDefined();
      expect(overlapping).not.toContain(customer);
      expect(invoice.pricesIncludeTax).toBe(company.customerPricesIncludeTax[invoice.customerId]);
      const sum = (pick: (line: (typeof invoice.salesInvoiceLines)[number]) => number) =>
        Math.round(invoice.salesInvoiceLines.reduce((total, line) => total + pick(line) * 100, 0)) / 100;
      expect(sum((l) => l.amountExcludingTax)).toBe(invoice.totalAmountExcludingTax);
      expect(sum((l) => l.amountIncludingTax)).toBe(invoice.totalAmountIncludingTax);
      expect(Math.round((invoice.totalAmountExcludingTax + invoice.totalTaxAmount) * 100) / 100).toBe(invoice.totalAmountIncludingTax);
      for (const line of invoice.salesInvoiceLines) {
        expect(itemIds.has(line.itemId)).toBe(true);
        expect(line.documentId).toBe(invoice.id);
      }
    }
  });

  it('gives unique ids and numbers', () => {
    const ids = [...company.customers, ...company.items, ...company.salesInvoices, ...company.salesInvoices.flatMap((i) => i.salesInvoiceLines)].map(
      (r) => r.id,
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(company.customers.map((c) => c.number)).size).toBe(company.customers.length);
    expect(new Set(company.items.map((i) => i.number)).size).toBe(company.items.length);
  });
});
