export { openStore, StoreOpenError, type AppStore, type OpenStoreOptions, type StoreKind } from './open-store';
export { MigrationError } from './migrator';
export { isUniqueViolation, isForeignKeyViolation, storeFailureOf, type StoreFailure } from './errors';
export { LeaseStore, LeaseLostError, type Clock, type HeldLease } from './leases';
export { CorruptColumnError, readJson, writeJson, toFlag, fromFlag, toIsoUtc } from './columns';
export * from './database';
