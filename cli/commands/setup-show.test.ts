import { defaultSetup } from '../../service/setup/setup-schema';
import type { SetupTables } from '../../service/setup-tables';
import { lookupNotes } from './setup-show';

const entry = (id: string, code: string, displayName: string) => ({ id, code, displayName });
const tables: SetupTables = {
  localCurrency: 'DKK',
  serviceItems: [],
  tables: {
    paymentTerms: [entry('11111111-0000-4000-8000-000000000014', '14 DAGE', 'Netto 14 dage')],
    paymentMethods: [],
    shipmentMethods: [],
    taxAreas: [],
    taxGroups: [entry('g1', 'MOMS25', 'Momspligtig, 25 %')],
    unitsOfMeasure: [],
    itemCategories: [],
    generalProductPostingGroups: [],
    currencies: [entry('c1', 'EUR', 'Euro')],
  },
};

describe('setup show names', () => {
  it('names stored ids and codes, says what blank and the local currency mean, and flags what Business Central lacks', () => {
    const setup = defaultSetup('clinic@example.dk');
    setup.customerTemplate = { ...setup.customerTemplate, paymentTermsId: '11111111-0000-4000-8000-000000000014'.toUpperCase(), currencyCode: 'DKK' };
    setup.itemTemplate = { ...setup.itemTemplate, taxGroupCode: 'MOMS25', itemCategoryCode: 'GONE' };
    const notes = lookupNotes(setup, tables);
    expect(notes.get('customerTemplate.paymentTermsId')).toBe('14 DAGE – Netto 14 dage');
    expect(notes.get('customerTemplate.currencyCode')).toBe('local currency (DKK)');
    expect(notes.get('itemTemplate.taxGroupCode')).toBe('MOMS25 – Momspligtig, 25 %');
    expect(notes.get('itemTemplate.itemCategoryCode')).toBe('not in Business Central: pick another');
    expect(notes.get('customerTemplate.taxAreaId')).toBe("none: Business Central's template decides");
  });
});
