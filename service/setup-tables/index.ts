export { SETUP_TABLES, readSetupTables, type SetupTableEntry, type SetupTableName, type SetupTables, type SetupTableSource } from './setup-tables';
export { SETUP_TABLES_TTL_MS, SetupTablesCache, type SetupTablesCacheOptions } from './setup-tables-cache';
