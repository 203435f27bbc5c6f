import { readCatalog, staffNameMap, type Catalog, type CatalogSource } from './catalog';

export const CATALOG_TTL_MS = 5 * 60_000;

export interface CatalogCacheOptions {
  bookings: CatalogSource;
  /** The Graph id of the business to read, asked on every call so a changed setup is followed. */
  businessId: () => Promise<string>;
  ttlMs?: number;
  /** Milliseconds since the epoch; default Date.now. */
  now?: () => number;
}

/**
 * The catalog kept in memory for a few minutes, so a page load or a card does not read Graph each
 * time. Callers at once share one read; a failed read is not kept, so the next call tries again.
 */
export class CatalogCache {
  private cached: { businessId: string; at: number; catalog: Promise<Catalog> } | undefined;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(private readonly options: CatalogCacheOptions) {
    this.ttlMs = options.ttlMs ?? CATALOG_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  async get(): Promise<Catalog> {
    const businessId = await this.options.businessId();
    const cached = this.cached;
    if (cached && cached.businessId === businessId && this.now() - cached.at < this.ttlMs) return cached.catalog;
    const entry = { businessId, at: this.now(), catalog: readCatalog(this.options.bookings, businessId) };
    this.cached = entry;
    entry.catalog.catch(() => {
      if (this.cached === entry) this.cached = undefined;
    });
    return entry.catalog;
  }

  /** Staff member id → display name, from the cached catalog. */
  async staffNames(): Promise<ReadonlyMap<string, string>> {
    return staffNameMap((await this.get()).staffMembers);
  }
}
