import type { Kysely } from 'kysely';
import type { InvoiceRunner } from '../invoicing/run/invoice-runner';
import type { RunInvoice, RunResult, RunSummary } from '../invoicing/run/run-schemas';
import type { Database } from '../store/database';
import {
  MAX_HISTORY_LIMIT,
  type AuditEntry,
  type AuditPage,
  type InvoiceRunPage,
  type InvoiceRunSummary,
  type ListAuditLogRequest,
  type ListInvoiceRunsRequest,
  type ListRunInvoicesRequest,
  type RunInvoicePage,
} from './history-schemas';
import { listAuditLog } from './list-audit-log';
import { namesOf } from '../identity/people';
import { whoOf, type Who } from './who';
import { getInvoiceRun, getInvoiceRunSummary, listInvoiceRuns, listRunInvoices } from './list-invoice-runs';

type Paged<R> = Omit<R, 'businessId'>;

/** Every page of a listing, one after the other, for an export. */
async function* allPages<T>(page: (offset: number) => Promise<{ items: T[]; total: number } | null>): AsyncGenerator<T[]> {
  for (let offset = 0; ; offset += MAX_HISTORY_LIMIT) {
    const next = await page(offset);
    if (next === null || next.items.length === 0) return;
    yield next.items;
    if (offset + next.items.length >= next.total) return;
  }
}

/**
 * The History of the process's Bookings business, for every face: invoice runs and their invoices,
 * the audit log, a page at a time or all of it for an export.
 */
export class HistoryService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      businessId: string;
      runner: Pick<InvoiceRunner, 'getRun' | 'getRunSummary'>;
      /** The business's local date, for the invoices' payment states. */
      today: () => Promise<string>;
    },
  ) {}

  runs(request: Paged<ListInvoiceRunsRequest>): Promise<InvoiceRunPage> {
    return listInvoiceRuns(this.deps.db, { ...request, businessId: this.deps.businessId });
  }

  /** One run in full, or null when it is not this business's. */
  run(runId: string): Promise<RunResult | null> {
    return getInvoiceRun(this.deps.db, this.deps.runner, { businessId: this.deps.businessId, runId });
  }

  /** Who an actor of a run or an audit entry is, by name where the People table knows them (as the listings name them). */
  async who(actor: string): Promise<Who> {
    return whoOf(actor, await namesOf(this.deps.db, [actor]));
  }

  /** One run without its invoices (they come by page: runInvoices), or null when it is not this business's. */
  runSummary(runId: string): Promise<RunSummary | null> {
    return getInvoiceRunSummary(this.deps.db, this.deps.runner, { businessId: this.deps.businessId, runId });
  }

  /** A page of a run's invoices, or null when the run is not this business's. */
  async runInvoices(request: Paged<ListRunInvoicesRequest>): Promise<RunInvoicePage | null> {
    return listRunInvoices(this.deps.db, { ...request, businessId: this.deps.businessId }, await this.deps.today());
  }

  audit(request: Paged<ListAuditLogRequest>): Promise<AuditPage> {
    return listAuditLog(this.deps.db, { ...request, businessId: this.deps.businessId });
  }

  /** Every run matching the filter, newest first, a batch at a time. */
  allRuns(filter: Omit<Paged<ListInvoiceRunsRequest>, 'offset' | 'limit'>): AsyncGenerator<InvoiceRunSummary[]> {
    return allPages(async (offset) => {
      const page = await this.runs({ ...filter, offset, limit: MAX_HISTORY_LIMIT });
      return { items: page.runs, total: page.total };
    });
  }

  /** Every invoice of a run, a batch at a time; null when the run is not this business's. */
  async allRunInvoices(runId: string): Promise<AsyncGenerator<RunInvoice[]> | null> {
    const first = await this.runInvoices({ runId, offset: 0, limit: 1 });
    if (first === null) return null;
    return allPages(async (offset) => {
      const page = await this.runInvoices({ runId, offset, limit: MAX_HISTORY_LIMIT });
      return page === null ? null : { items: page.invoices, total: page.total };
    });
  }

  /** Every audit entry matching the filter, newest first, a batch at a time. */
  allAudit(filter: Omit<Paged<ListAuditLogRequest>, 'offset' | 'limit'>): AsyncGenerator<AuditEntry[]> {
    return allPages(async (offset) => {
      const page = await this.audit({ ...filter, offset, limit: MAX_HISTORY_LIMIT });
      return { items: page.entries, total: page.total };
    });
  }
}
