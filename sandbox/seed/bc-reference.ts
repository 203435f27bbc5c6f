import { guidFor } from './ids';

/**
 * Ids of the Business Central set-up records that customers, items and invoices point at (payment terms,
 * units, tax groups, posting groups). The set-up tables the API serves carry these ids (bc-setup-tables.ts);
 * posting groups are not among them.
 */
export interface BcReference {
  paymentTerms14DaysId: string;
  paymentTerms8DaysId: string;
  domesticTaxAreaId: string;
  euroCurrencyId: string;
  unitIds: { TIME: string; STK: string };
  taxGroupIds: { MOMS25: string; MOMSFRI: string };
  postingGroupIds: { YDELSER: string; DETAIL: string; VARER: string };
  itemCategoryId: string;
}

export function bcReference(seed: number): BcReference {
  const id = (name: string): string => guidFor(`${seed}|bc-setup|${name}`);
  return {
    paymentTerms14DaysId: id('payment-terms-14D'),
    paymentTerms8DaysId: id('payment-terms-8D'),
    domesticTaxAreaId: id('tax-area-INDENL'),
    euroCurrencyId: id('currency-EUR'),
    unitIds: { TIME: id('unit-TIME'), STK: id('unit-STK') },
    taxGroupIds: { MOMS25: id('tax-group-MOMS25'), MOMSFRI: id('tax-group-MOMSFRI') },
    postingGroupIds: { YDELSER: id('posting-group-YDELSER'), DETAIL: id('posting-group-DETAIL'), VARER: id('inventory-posting-VARER') },
    itemCategoryId: id('item-category-BEHANDLING'),
  };
}

export const DOMESTIC_TAX_AREA_NAME = 'INDENLANDSK';
