import { withRemainingAmount } from './payments';
import type { BcCompany, BcCompanyData, BcCompanyInformation, BcCustomer, BcItem, BcSalesInvoice, BcSeed, BcSetupTables, BcTemplateRules } from './types';
import { setupTablesOf } from './setup-tables';
import type { IdSource } from '../seed/id-source';
import { lastUsedIn, nextInSeries, seriesDefinitions, type NumbersInUse, type SeriesName } from './numbering';

/** Used when the seed lists no currencies: what a typical European company has set up. */
export const defaultCurrencies = ['EUR', 'USD', 'GBP', 'DKK', 'SEK', 'NOK', 'CHF', 'PLN', 'CAD', 'AUD', 'JPY'];

export interface CompanyState {
  company: BcCompany;
  companyInformation: BcCompanyInformation;
  customers: BcCustomer[];
  customerPricesIncludeTax: Record<string, boolean>;
  items: BcItem[];
  salesInvoices: BcSalesInvoice[];
  templateRules: BcTemplateRules;
  /** Payment terms, units, tax groups, currencies, ...: read-only lists the API serves. */
  setupTables: BcSetupTables;
  /** The codes of `setupTables.currencies`, upper case (the local currency is never among them). */
  currencies: string[];
  lastNumbers: Partial<Record<SeriesName, string>>;
  /** Invoice emails Business Central sent (Microsoft.NAV.send / postAndSend), oldest first; tests count them. Absent in older saved states. */
  outbox?: BcSentInvoiceEmail[];
}

export interface BcSentInvoiceEmail {
  invoiceId: string;
  number: string;
  to: string;
  at: string;
}

interface Snapshot {
  companies: Map<string, CompanyState>;
  versions: Map<string, number>;
  versionCounter: number;
}

/**
 * The emulator's data: one company state per company id, and a row version per record id
 * (the source of etags). Everything is in memory; a snapshot is a deep copy (for `Isolation: snapshot`).
 */
export class BcState {
  readonly tenant: string;
  readonly environment: string;
  private companies: Map<string, CompanyState>;
  private versions = new Map<string, number>();
  private versionCounter = 1000;

  /** Where new records' ids and correlation ids come from; outside snapshots, so a rolled-back batch never reissues one. */
  constructor(
    seed: BcSeed,
    private readonly ids: IdSource,
  ) {
    this.tenant = seed.tenant;
    this.environment = seed.environment;
    this.companies = new Map(seed.companies.map((c) => [c.company.id.toLowerCase(), toCompanyState(structuredClone(c))]));
  }

  companyList(): CompanyState[] {
    return [...this.companies.values()];
  }

  company(id: string): CompanyState | undefined {
    return this.companies.get(id.toLowerCase());
  }

  /** The record's row version, assigned on first sight. */
  version(id: string): number {
    let v = this.versions.get(id);
    if (v === undefined) {
      v = this.nextVersion();
      this.versions.set(id, v);
    }
    return v;
  }

  /** Marks a record changed: a new row version (hence a new etag). */
  touch(id: string): void {
    this.versions.set(id, this.nextVersion());
  }

  forget(id: string): void {
    this.versions.delete(id);
  }

  newId(kind: 'customer' | 'item' | 'salesInvoice' | 'salesInvoiceLine' | 'correlation'): string {
    return this.ids.guid(kind);
  }

  nextNumber(company: CompanyState, series: SeriesName, inUse: NumbersInUse): string {
    const number = nextInSeries(seriesDefinitions[series], inUse, company.lastNumbers[series]);
    company.lastNumbers[series] = number;
    return number;
  }

  snapshot(): Snapshot {
    return structuredClone({ companies: this.companies, versions: this.versions, versionCounter: this.versionCounter });
  }

  restore(snapshot: Snapshot): void {
    // A state file written before the emulator had set-up tables keeps the seeded ones.
    for (const [id, company] of snapshot.companies) {
      const seeded = this.companies.get(id);
      if ((company.setupTables as BcSetupTables | undefined) === undefined && seeded) company.setupTables = structuredClone(seeded.setupTables);
      company.salesInvoices.forEach(withRemainingAmount);
    }
    this.companies = snapshot.companies;
    this.versions = snapshot.versions;
    this.versionCounter = snapshot.versionCounter;
  }

  private nextVersion(): number {
    this.versionCounter += 1;
    return this.versionCounter;
  }
}

function toCompanyState(data: BcCompanyData): CompanyState {
  const invoiceNumbers = data.salesInvoices.map((i) => i.number);
  const setupTables = setupTablesOf(data, defaultCurrencies);
  return {
    company: data.company,
    companyInformation: data.companyInformation,
    customers: data.customers,
    customerPricesIncludeTax: data.customerPricesIncludeTax,
    items: data.items,
    salesInvoices: data.salesInvoices,
    templateRules: data.templateRules,
    setupTables,
    currencies: setupTables.currencies.map((c) => c.code.toUpperCase()),
    lastNumbers: {
      customer: lastUsedIn(
        seriesDefinitions.customer,
        data.customers.map((c) => c.number),
      ),
      item: lastUsedIn(
        seriesDefinitions.item,
        data.items.map((i) => i.number),
      ),
      draftInvoice: lastUsedIn(seriesDefinitions.draftInvoice, invoiceNumbers),
      postedInvoice: lastUsedIn(seriesDefinitions.postedInvoice, invoiceNumbers),
    },
  };
}
