import type { SetupTableName } from '../clients/business-central/schemas/setup-table';

/**
 * The setup fields whose value is a record of one of Business Central's set-up tables, and what the
 * setup stores of it: its GUID (customer fields are ids in API v2.0) or its Code (item fields and
 * the currency are codes). The tab's pickers and the CLI's `setup show` both read it.
 */
export const SETUP_LOOKUPS = {
  'customerTemplate.paymentTermsId': { table: 'paymentTerms', stores: 'id' },
  'customerTemplate.currencyCode': { table: 'currencies', stores: 'code' },
  'customerTemplate.taxAreaId': { table: 'taxAreas', stores: 'id' },
  'customerTemplate.shipmentMethodId': { table: 'shipmentMethods', stores: 'id' },
  'customerTemplate.paymentMethodId': { table: 'paymentMethods', stores: 'id' },
  'itemTemplate.baseUnitOfMeasureCode': { table: 'unitsOfMeasure', stores: 'code' },
  'itemTemplate.taxGroupCode': { table: 'taxGroups', stores: 'code' },
  'itemTemplate.itemCategoryCode': { table: 'itemCategories', stores: 'code' },
  'itemTemplate.generalProductPostingGroupCode': { table: 'generalProductPostingGroups', stores: 'code' },
} as const satisfies Record<string, { table: SetupTableName; stores: 'id' | 'code' }>;

export type SetupLookupPath = keyof typeof SETUP_LOOKUPS;

export const isSetupLookupPath = (path: string): path is SetupLookupPath => Object.hasOwn(SETUP_LOOKUPS, path);
