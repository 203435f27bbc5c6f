import { z } from 'zod';
import { text } from './common';

/** The API v2.0 set-up tables a customer or an item points at, by entity set name. */
export const SETUP_TABLES = [
  'paymentTerms',
  'paymentMethods',
  'shipmentMethods',
  'taxAreas',
  'taxGroups',
  'unitsOfMeasure',
  'itemCategories',
  'generalProductPostingGroups',
  'currencies',
] as const;
export type SetupTableName = (typeof SETUP_TABLES)[number];

/**
 * What the setup needs of any of them: the GUID, the Code (what items and the currency field
 * store) and the name people know it by. Each table has more properties; they are not read.
 */
export const setupTableEntrySchema = z.object({
  id: z.string().min(1),
  code: z.string().min(1),
  displayName: text,
});

export type SetupTableEntry = z.output<typeof setupTableEntrySchema>;

/** Posting groups name their text `description` in API v2.0; read as displayName like the rest. */
const postingGroupEntrySchema = z
  .object({ id: z.string().min(1), code: z.string().min(1), description: text })
  .transform(({ id, code, description }): SetupTableEntry => ({ id, code, displayName: description }));

export function setupTableEntrySchemaFor(table: SetupTableName): z.ZodType<SetupTableEntry> {
  return table === 'generalProductPostingGroups' ? postingGroupEntrySchema : setupTableEntrySchema;
}
