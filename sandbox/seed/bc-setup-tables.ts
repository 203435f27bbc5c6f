import type { BcCurrency, BcSetupTables, BcSimpleCodeRecord, BcTaxRecord, BcUnitOfMeasure } from '../bc/types';
import { DOMESTIC_TAX_AREA_NAME, type BcReference } from './bc-reference';
import { guidFor } from './ids';

// Set up with the company, long before any day the sandbox runs as.
const SET_UP_AT = '2023-01-02T08:00:00.000Z';

/**
 * A Danish clinic's set-up tables as the Danish localisation of Business Central names them. The
 * ids customers and items already carry (bcReference) are these records' ids.
 */
export function buildBcSetupTables(seed: number, reference: BcReference): BcSetupTables {
  const id = (name: string): string => guidFor(`${seed}|bc-setup|${name}`);
  const simple = (key: string, code: string, displayName: string): BcSimpleCodeRecord => ({
    id: id(key),
    code,
    displayName,
    lastModifiedDateTime: SET_UP_AT,
  });
  const vat = (recordId: string, code: string, displayName: string): BcTaxRecord => ({
    id: recordId,
    code,
    displayName,
    taxType: 'VAT',
    lastModifiedDateTime: SET_UP_AT,
  });
  const unit = (recordId: string, code: string, displayName: string, internationalStandardCode: string, symbol: string): BcUnitOfMeasure => ({
    id: recordId,
    code,
    displayName,
    internationalStandardCode,
    symbol,
    lastModifiedDateTime: SET_UP_AT,
  });
  const currency = (recordId: string, code: string, displayName: string, symbol: string): BcCurrency => ({
    id: recordId,
    code,
    displayName,
    symbol,
    amountDecimalPlaces: '2:2',
    amountRoundingPrecision: 0.01,
    lastModifiedDateTime: SET_UP_AT,
  });
  const terms = (recordId: string, code: string, displayName: string, due: string) => ({
    id: recordId,
    code,
    displayName,
    dueDateCalculation: due,
    discountDateCalculation: '',
    discountPercent: 0,
    calculateDiscountOnCreditMemos: false,
    lastModifiedDateTime: SET_UP_AT,
  });
  return {
    paymentTerms: [
      terms(reference.paymentTerms8DaysId, '8 DAGE', 'Netto 8 dage', '8D'),
      terms(reference.paymentTerms14DaysId, '14 DAGE', 'Netto 14 dage', '14D'),
      terms(id('payment-terms-30D'), '30 DAGE', 'Netto 30 dage', '30D'),
      terms(id('payment-terms-LM8'), 'LB. MD. 8', 'Løbende måned + 8 dage', 'LM+8D'),
      terms(id('payment-terms-CASH'), 'KONTANT', 'Kontant betaling', '0D'),
    ],
    paymentMethods: [
      simple('payment-method-BANK', 'BANK', 'Bankoverførsel'),
      simple('payment-method-KORT', 'KORT', 'Betalingskort'),
      simple('payment-method-MOBILEPAY', 'MOBILEPAY', 'MobilePay'),
      simple('payment-method-KONTANT', 'KONTANT', 'Kontant'),
    ],
    shipmentMethods: [simple('shipment-method-AFHENT', 'AFHENT', 'Afhentes i klinikken'), simple('shipment-method-POST', 'POST', 'Sendes med post')],
    taxAreas: [
      vat(reference.domesticTaxAreaId, DOMESTIC_TAX_AREA_NAME, 'Indenlandske kunder'),
      vat(id('tax-area-EU'), 'EU', 'Kunder i andre EU-lande'),
      vat(id('tax-area-UDLAND'), 'UDLAND', 'Kunder uden for EU'),
    ],
    taxGroups: [vat(reference.taxGroupIds.MOMS25, 'MOMS25', 'Momspligtig, 25 %'), vat(reference.taxGroupIds.MOMSFRI, 'MOMSFRI', 'Momsfri sundhedsydelse')],
    unitsOfMeasure: [
      unit(id('unit-DAG'), 'DAG', 'Dag', 'DAY', 'd'),
      unit(reference.unitIds.STK, 'STK', 'Stk.', 'H87', 'stk'),
      unit(reference.unitIds.TIME, 'TIME', 'Time', 'HUR', 't'),
    ],
    itemCategories: [
      simple('item-category-BEHANDLING', 'BEHANDLING', 'Behandlinger'),
      simple('item-category-TRÆNING', 'TRÆNING', 'Træning og holdundervisning'),
      simple('item-category-PRODUKTER', 'PRODUKTER', 'Produkter til salg'),
    ],
    generalProductPostingGroups: [
      {
        id: reference.postingGroupIds.DETAIL,
        code: 'DETAIL',
        description: 'Detailsalg af varer',
        defaultVATProductPostingGroup: 'MOMS25',
        autoInsertDefault: true,
        lastModifiedDateTime: SET_UP_AT,
      },
      {
        id: reference.postingGroupIds.YDELSER,
        code: 'YDELSER',
        description: 'Behandlinger og ydelser',
        defaultVATProductPostingGroup: 'MOMS25',
        autoInsertDefault: true,
        lastModifiedDateTime: SET_UP_AT,
      },
    ],
    currencies: [
      currency(reference.euroCurrencyId, 'EUR', 'Euro', '€'),
      currency(id('currency-GBP'), 'GBP', 'Britisk pund', '£'),
      currency(id('currency-NOK'), 'NOK', 'Norsk krone', 'kr'),
      currency(id('currency-SEK'), 'SEK', 'Svensk krone', 'kr'),
      currency(id('currency-USD'), 'USD', 'Amerikansk dollar', '$'),
    ],
  };
}
