import type { BcItem } from '../bc/types';
import { DAY_MS } from './calendar';
import { ZERO_GUID, guidFor } from './ids';
import type { BcReference } from './bc-reference';

interface ItemSource {
  key: string;
  number: string;
  displayName: string;
  type: BcItem['type'];
  unitPrice: number;
  unit: 'TIME' | 'STK';
  taxGroup: 'MOMS25' | 'MOMSFRI';
  inventory: number;
  blocked: boolean;
}

/**
 * Items the company had before Bookings. 'Fysioterapi, opfølgning' carries a Bookings service's name
 * without being linked to it; authorised physiotherapy is VAT-exempt in Denmark, hence a MOMSFRI item.
 */
const ITEMS: readonly ItemSource[] = [
  {
    key: 'follow-up',
    number: '1000',
    displayName: 'Fysioterapi, opfølgning',
    type: 'Service',
    unitPrice: 396,
    unit: 'TIME',
    taxGroup: 'MOMS25',
    inventory: 0,
    blocked: false,
  },
  {
    key: 'massage-30',
    number: '1001',
    displayName: 'Massage 30 min',
    type: 'Service',
    unitPrice: 360,
    unit: 'TIME',
    taxGroup: 'MOMS25',
    inventory: 0,
    blocked: false,
  },
  {
    key: 'treatment-exempt',
    number: '1002',
    displayName: 'Behandling efter lægehenvisning',
    type: 'Service',
    unitPrice: 500,
    unit: 'TIME',
    taxGroup: 'MOMSFRI',
    inventory: 0,
    blocked: false,
  },
  {
    key: 'retired',
    number: '1003',
    displayName: 'Zoneterapi (udgået)',
    type: 'Service',
    unitPrice: 300,
    unit: 'TIME',
    taxGroup: 'MOMS25',
    inventory: 0,
    blocked: true,
  },
  {
    key: 'kinesio-tape',
    number: '1004',
    displayName: 'Kinesiotape, rulle 5 m',
    type: 'Inventory',
    unitPrice: 71.2,
    unit: 'STK',
    taxGroup: 'MOMS25',
    inventory: 42,
    blocked: false,
  },
  {
    key: 'gift-card',
    number: '1005',
    displayName: 'Gavekort',
    type: 'Non-Inventory',
    unitPrice: 0,
    unit: 'STK',
    taxGroup: 'MOMS25',
    inventory: 0,
    blocked: false,
  },
];

export function buildBcItems(seed: number, reference: BcReference, todayMs: number): BcItem[] {
  return ITEMS.map((source, index): BcItem => {
    const goods = source.type !== 'Service';
    return {
      id: guidFor(`${seed}|bc-item|${source.key}`),
      number: source.number,
      displayName: source.displayName,
      displayName2: '',
      type: source.type,
      itemCategoryId: goods ? ZERO_GUID : reference.itemCategoryId,
      itemCategoryCode: goods ? '' : 'BEHANDLING',
      blocked: source.blocked,
      gtin: source.type === 'Inventory' ? '5701234567892' : '',
      inventory: source.inventory,
      unitPrice: source.unitPrice,
      priceIncludesTax: false,
      unitCost: source.type === 'Inventory' ? 38.5 : 0,
      taxGroupId: reference.taxGroupIds[source.taxGroup],
      taxGroupCode: source.taxGroup,
      baseUnitOfMeasureId: reference.unitIds[source.unit],
      baseUnitOfMeasureCode: source.unit,
      generalProductPostingGroupId: goods ? reference.postingGroupIds.DETAIL : reference.postingGroupIds.YDELSER,
      generalProductPostingGroupCode: goods ? 'DETAIL' : 'YDELSER',
      inventoryPostingGroupId: source.type === 'Inventory' ? reference.postingGroupIds.VARER : ZERO_GUID,
      inventoryPostingGroupCode: source.type === 'Inventory' ? 'VARER' : '',
      lastModifiedDateTime: new Date(todayMs - (200 + index * 17) * DAY_MS).toISOString(),
    };
  });
}
