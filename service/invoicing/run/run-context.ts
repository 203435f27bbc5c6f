import type { Kysely, Transaction } from 'kysely';
import type { BusinessCentralClient } from '../../clients/business-central/business-central-client';
import type { BookingsClient } from '../../clients/graph/bookings-client';
import type { Logger } from '../../logging/logger';
import type { Setup } from '../../setup/setup-schema';
import type { Database } from '../../store/database';
import type { FailPoint } from './fail-points';
import type { LostAnswerWait } from './lost-answer-wait';

/** What every step of one run works with. */
export interface RunContext {
  db: Kysely<Database>;
  bookings: BookingsClient;
  /** Bound to the setup's company. */
  bc: BusinessCentralClient;
  setup: Setup;
  /** Lower-cased Bookings business id (rows' business_id). */
  businessId: string;
  runId: string;
  logger: Logger;
  now: () => Date;
  failAt: (point: FailPoint) => Promise<void>;
  lostAnswerWait: LostAnswerWait;
  /** Appointments planned and invoices verified at once; unset, each step's own size. Small in tests, so a small run spans several chunks. */
  chunkSize?: number;
  /**
   * Commits `work` as the run's holder: in one transaction that is refused (LeaseLostError, nothing
   * kept) once another process took the run over. What the run settles and records goes through it.
   */
  asHolder<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
}
