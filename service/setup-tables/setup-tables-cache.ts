import type { Clock } from '../domain/clock';
import { readSetupTables, type SetupTables, type SetupTableSource } from './setup-tables';

/** Long enough for a Setup page's life, short enough that a term added in Business Central shows soon. */
export const SETUP_TABLES_TTL_MS = 2 * 60_000;

export interface SetupTablesCacheOptions {
  /** The Business Central client scoped to a company. */
  forCompany: (companyId: string) => SetupTableSource;
  clock: Clock;
  ttlMs?: number;
}

/**
 * The set-up tables per company, kept a short while so that opening Setup does not read nine
 * Business Central lists each time. Callers at once share one read; a failed read is not kept.
 */
export class SetupTablesCache {
  private readonly entries = new Map<string, { at: number; tables: Promise<SetupTables> }>();
  private readonly ttlMs: number;

  constructor(private readonly options: SetupTablesCacheOptions) {
    this.ttlMs = options.ttlMs ?? SETUP_TABLES_TTL_MS;
  }

  get(companyId: string): Promise<SetupTables> {
    const key = companyId.toLowerCase();
    const now = this.options.clock().getTime();
    const cached = this.entries.get(key);
    if (cached && now - cached.at < this.ttlMs) return cached.tables;
    const entry = { at: now, tables: readSetupTables(this.options.forCompany(companyId)) };
    this.entries.set(key, entry);
    entry.tables.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.tables;
  }
}
