import { guidForCode } from './ids';
import type { BcCompanyData, BcCurrency, BcSetupTables } from './types';

// A fixed instant, so a company built from currency codes alone looks the same on any day.
const UNCHANGED_SINCE = '2023-01-02T08:00:00.000Z';

const SYMBOLS: Readonly<Record<string, string>> = { EUR: '€', USD: '$', GBP: '£', JPY: '¥', CHF: 'CHF' };

/** A Currencies row for a bare ISO code: English name from ICU, 2 decimals (0 for JPY), as BC's demo data has. */
export function currencyFromCode(code: string): BcCurrency {
  const upper = code.toUpperCase();
  const noDecimals = upper === 'JPY';
  return {
    id: guidForCode('currency', upper),
    code: upper,
    displayName: new Intl.DisplayNames('en', { type: 'currency' }).of(upper) ?? upper,
    symbol: SYMBOLS[upper] ?? '',
    amountDecimalPlaces: noDecimals ? '0:0' : '2:2',
    amountRoundingPrecision: noDecimals ? 1 : 0.01,
    lastModifiedDateTime: UNCHANGED_SINCE,
  };
}

/** The company's set-up tables: the seed's, else empty ones with currencies made from its codes. */
export function setupTablesOf(data: BcCompanyData, defaultCurrencies: readonly string[]): BcSetupTables {
  if (data.setupTables) return data.setupTables;
  return {
    paymentTerms: [],
    paymentMethods: [],
    shipmentMethods: [],
    taxAreas: [],
    taxGroups: [],
    unitsOfMeasure: [],
    itemCategories: [],
    generalProductPostingGroups: [],
    currencies: (data.currencies ?? defaultCurrencies)
      .filter((code) => code.toUpperCase() !== data.companyInformation.currencyCode.toUpperCase())
      .map(currencyFromCode),
  };
}
