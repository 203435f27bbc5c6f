import type { Kysely, Transaction } from 'kysely';
import type { BookingsClient } from '../clients/graph/bookings-client';
import type { BusinessCentralClient } from '../clients/business-central/business-central-client';
import type { Clock } from '../domain/clock';
import type { Logger } from '../logging/logger';
import type { Setup } from '../setup/setup-schema';
import type { Database } from '../store/database';
import type { InvoiceLinks } from '../invoicing/run/invoice-links';

/** What every sync phase works with. One business, one sync run. */
export interface SyncContext {
  db: Kysely<Database>;
  bookings: BookingsClient;
  /** Bound to the setup's company. */
  bc: BusinessCentralClient;
  setup: Setup;
  /** Lower-cased Bookings business id: the `business_id` of every row we write. */
  businessId: string;
  /** The `sync_runs.id` of this run; `appointments.last_seen_sync` and `sync_rejects.sync_run_id` hold it. */
  syncRunId: string;
  /** The run's own clock: the instant the run started, fixed for its whole length (resumed runs keep it). */
  runStartedAt: Date;
  /** The process's clock, for the times rows are written at. */
  clock: Clock;
  logger: Logger;
  /** Where users open an invoice: the link of a late draft the reconcile phase adopts (none without). */
  invoiceLinks?: InvoiceLinks | undefined;
  /** Reports progress of the current phase; the job writes it to `sync_runs` (throttled). */
  progress(update: { phase: SyncPhaseName; done: number; total: number }): void;
  /** Aborted when the process stops: a phase stops between committed batches and is resumed later. */
  signal: AbortSignal;
  /**
   * Commits `work` as the run's holder: in one transaction that is refused (LeaseLostError, nothing
   * kept) once another process took the business's sync lease. Batches a phase commits go through it.
   */
  commit<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  /**
   * Lets work a phase began go on beside the phases after it (the customer phase's creates in
   * Business Central, beside the appointment phase's reading of Bookings): the run ends only once
   * `work` is done and then `then` has run, after its last phase, and fails with either. Absent
   * (a phase run on its own), the phase waits for the work itself.
   */
  alongside?: (work: Promise<void>, then: () => Promise<void>) => void;
}

export type SyncPhaseName = 'services' | 'customers' | 'appointments' | 'reconcile';

/** Counts a phase reports; `rejected` records were written to `sync_rejects` with their reason. */
export interface SyncPhaseReport {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  rejected: number;
}

export type SyncPhase = (context: SyncContext) => Promise<SyncPhaseReport>;

export const emptyReport = (): SyncPhaseReport => ({ added: 0, updated: 0, unchanged: 0, removed: 0, rejected: 0 });
