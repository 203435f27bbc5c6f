import type { Listed } from '../clients/business-central/business-central-client';
import { SETUP_TABLES, type SetupTableEntry, type SetupTableName } from '../clients/business-central/schemas/setup-table';
import { sortDanish } from '../domain/collation';

export { SETUP_TABLES, type SetupTableEntry, type SetupTableName };

/** What reading the tables needs of Business Central, for one company. */
export interface SetupTableSource {
  listSetupTable(table: SetupTableName): Promise<Listed<'entries', SetupTableEntry>>;
  getCompanyInformation(): Promise<{ currencyCode: string }>;
}

export interface SetupTables {
  /** The company's local currency: what a blank currency code means (BC's currencies never list it). */
  localCurrency: string;
  tables: Record<SetupTableName, SetupTableEntry[]>;
}

/** Every set-up table of a company (read side by side; the client keeps to BC's 5 at a time), each by code. */
export async function readSetupTables(source: SetupTableSource): Promise<SetupTables> {
  const information = source.getCompanyInformation();
  const lists = SETUP_TABLES.map((t) => source.listSetupTable(t));
  // Settled first, so a failure leaves no read still running behind the answer.
  const settled = await Promise.allSettled([information, ...lists]);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  const [{ currencyCode }, entries] = await Promise.all([information, Promise.all(lists)]);
  const tables = Object.fromEntries(SETUP_TABLES.map((table, i) => [table, sortDanish(entries[i]?.entries ?? [], (e) => e.code)])) as SetupTables['tables'];
  return { localCurrency: currencyCode.toUpperCase(), tables };
}
