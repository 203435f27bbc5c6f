import type { Listed } from '../clients/business-central/business-central-client';
import type { Item } from '../clients/business-central/schemas/item';
import { SETUP_TABLES, type SetupTableEntry, type SetupTableName } from '../clients/business-central/schemas/setup-table';
import { sortDanish } from '../domain/collation';
import { sideBySide } from '../clients/http/side-by-side';

export { SETUP_TABLES, type SetupTableEntry, type SetupTableName };

/** What reading the tables needs of Business Central, for one company. */
export interface SetupTableSource {
  listSetupTable(table: SetupTableName): Promise<Listed<'entries', SetupTableEntry>>;
  getCompanyInformation(): Promise<{ currencyCode: string }>;
  listItems(): Promise<Listed<'items', Item>>;
}

export interface SetupTables {
  /** The company's local currency: what a blank currency code means (BC's currencies never list it). */
  localCurrency: string;
  tables: Record<SetupTableName, SetupTableEntry[]>;
  /** Items of type Service, not blocked, by number (as `code`): what a no-show or late-cancellation fee can be billed as. */
  serviceItems: SetupTableEntry[];
}

/** Every set-up table of a company (read side by side; the client keeps to BC's 5 at a time), each by code. */
export async function readSetupTables(source: SetupTableSource): Promise<SetupTables> {
  const information = source.getCompanyInformation();
  const items = source.listItems();
  const lists = SETUP_TABLES.map((t) => source.listSetupTable(t));
  const [{ currencyCode }, listed, entries] = await sideBySide([information, items, sideBySide(lists)]);
  const tables = Object.fromEntries(SETUP_TABLES.map((table, i) => [table, sortDanish(entries[i]?.entries ?? [], (e) => e.code)])) as SetupTables['tables'];
  const serviceItems = sortDanish(
    listed.items.filter((i) => i.type === 'Service' && !i.blocked).map((i) => ({ id: i.id, code: i.number, displayName: i.displayName })),
    (e) => e.code,
  );
  return { localCurrency: currencyCode.toUpperCase(), tables, serviceItems };
}
