import type { Item } from '../../clients/business-central/schemas/item';
import { itemTemplateSchema } from '../../setup/setup-schema';
import { planServiceItems } from './item-plan';
import type { ServiceRecord } from './service-record';

const service: ServiceRecord = {
  id: 's1',
  displayName: '  Massage ',
  defaultPriceMinor: 50000,
  currency: 'DKK',
  priceType: 'fixedPrice',
  defaultDurationMinutes: 30,
};
const item = (id: string, number: string, displayName: string): Item => ({
  id,
  number,
  displayName,
  type: 'Service',
  blocked: false,
  unitPrice: 400,
  priceIncludesTax: false,
  taxGroupCode: '',
  baseUnitOfMeasureCode: '',
  generalProductPostingGroupCode: '',
  etag: undefined,
});
const base = { services: [service], links: new Map(), template: itemTemplateSchema.parse({}), itemCurrency: 'DKK' };

describe('planServiceItems', () => {
  it('treats a same-named unlinked item as a conflict, compared trimmed and case-insensitively', () => {
    const plan = planServiceItems({ ...base, items: [item('i1', '1001', 'MASSAGE')], maybeCreated: new Set() });
    expect(plan.creations).toEqual([]);
    expect(plan.updates).toEqual([{ serviceId: 's1', kind: 'conflict', reason: 'An item named "MASSAGE" (number 1001) already exists: link it or rename it' }]);
  });

  it('adopts the same-named item of a service a killed run had sent', () => {
    const plan = planServiceItems({ ...base, items: [item('i1', '1001', 'Massage')], maybeCreated: new Set(['s1']) });
    expect(plan.updates).toEqual([{ serviceId: 's1', kind: 'linked', itemId: 'i1', itemNumber: '1001', unitPriceMinor: 40000, currency: 'DKK' }]);
  });

  it('creates an item when no item has the name', () => {
    const plan = planServiceItems({ ...base, items: [item('i1', '1001', 'Massage 30 min')], maybeCreated: new Set() });
    expect(plan.creations).toEqual([{ key: 's1', body: { displayName: 'Massage', type: 'Service', unitPrice: 500 } }]);
  });
});
