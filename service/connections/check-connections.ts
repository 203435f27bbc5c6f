import type { BusinessCentralClient } from '../clients/business-central/business-central-client';
import type { Company } from '../clients/business-central/schemas/company';
import type { BookingsClient } from '../clients/graph/bookings-client';
import type { BookingBusiness } from '../clients/graph/schemas/booking-business';
import { describeFailure } from './problem-text';

export interface BookingsCheck {
  ok: boolean;
  businessName?: string;
  currency?: string;
  /** What stops syncing or invoicing, each with what to do. */
  problems: string[];
  /** What works but deserves a look. */
  warnings: string[];
}

export interface BusinessCentralCheck {
  ok: boolean;
  companyName?: string;
  localCurrency?: string;
  problems: string[];
  warnings: string[];
  /** How Business Central fills what the API cannot set. */
  notes: string[];
}

export interface ConnectionCheck {
  bookings: BookingsCheck;
  businessCentral: BusinessCentralCheck;
}

export interface CheckTarget {
  businessId: string;
  companyId: string | null;
}

export interface ConnectionClients {
  bookings: BookingsClient;
  businessCentral: BusinessCentralClient;
}

const SHOWN_CHOICES = 5;

export const TEMPLATE_NOTE =
  'Business Central applies its own configuration template to each customer and item this app creates, chosen by its ' +
  'Config. Template Selection Rules: posting groups, the VAT business posting group and "Prices Including VAT" come ' +
  'from there (the API cannot set or read them). Check that the company has a selection rule for customers and for items.';

function choices<T>(list: readonly T[], show: (item: T) => string): string {
  if (list.length === 0) return 'none is available to this app';
  const shown = list.slice(0, SHOWN_CHOICES).map(show).join(', ');
  return list.length > SHOWN_CHOICES ? `${shown}, … (${list.length} in all)` : shown;
}

async function checkBookings(bookings: BookingsClient, businessId: string): Promise<{ check: BookingsCheck; business?: BookingBusiness }> {
  const check: BookingsCheck = { ok: false, problems: [], warnings: [] };
  try {
    const business = await bookings.getBusiness(businessId);
    if (business === null) {
      const { businesses } = await bookings.listBusinesses();
      check.problems.push(
        `Bookings business ${businessId} not found: pick one from the list (${choices(businesses, (b) => `${b.displayName ?? b.id} <${b.id}>`)}).`,
      );
      return { check };
    }
    check.ok = true;
    if (business.displayName) check.businessName = business.displayName;
    if (business.defaultCurrencyIso) check.currency = business.defaultCurrencyIso.toUpperCase();
    else check.warnings.push("The Bookings business has no default currency: set one in Bookings, or invoices use the company's local currency.");
    return { check, business };
  } catch (err) {
    check.problems.push(describeFailure('bookings', err));
    return { check };
  }
}

async function checkBusinessCentral(bc: BusinessCentralClient, companyId: string | null): Promise<BusinessCentralCheck> {
  const check: BusinessCentralCheck = { ok: false, problems: [], warnings: [], notes: [] };
  try {
    const { companies } = await bc.listCompanies();
    const listed = (c: Company) => `${c.displayName || c.name || c.id} (${c.id})`;
    if (companyId === null) {
      check.problems.push(`No Business Central company chosen: pick one from the list (${choices(companies, listed)}).`);
      return check;
    }
    const company = companies.find((c) => c.id.toLowerCase() === companyId.toLowerCase());
    if (company === undefined) {
      check.problems.push(`Business Central company ${companyId} not found: pick one from the list (${choices(companies, listed)}).`);
      return check;
    }
    const info = await bc.forCompany(company.id).getCompanyInformation();
    check.ok = true;
    check.companyName = info.displayName || company.displayName || company.name || company.id;
    if (info.currencyCode) check.localCurrency = info.currencyCode.toUpperCase();
    else check.warnings.push('The company information has no local currency code (Business Central: Company Information, or General Ledger Setup).');
    check.notes.push(TEMPLATE_NOTE);
  } catch (err) {
    check.problems.push(describeFailure('businessCentral', err));
  }
  return check;
}

/** "Test connection": reads both sides, compares their currencies and says what to fix, in words. */
export async function checkConnections(clients: ConnectionClients, target: CheckTarget): Promise<ConnectionCheck> {
  const [bookings, businessCentral] = await Promise.all([
    checkBookings(clients.bookings, target.businessId),
    checkBusinessCentral(clients.businessCentral, target.companyId),
  ]);
  const currency = bookings.check.currency;
  const local = businessCentral.localCurrency;
  if (currency !== undefined && local !== undefined && currency !== local) {
    businessCentral.warnings.push(
      `Currencies differ: Bookings uses ${currency}, the company's local currency is ${local}: invoices will be in ${currency} ` +
        `(currencyCode ${currency}). Make sure ${currency} is set up on the Currencies page in Business Central, with exchange rates.`,
    );
  }
  return { bookings: bookings.check, businessCentral };
}
