export { readCatalog, readStaffNames, staffNameMap, type Catalog, type CatalogEntry, type CatalogSource } from './catalog';
export { CATALOG_TTL_MS, CatalogCache, type CatalogCacheOptions } from './catalog-cache';
