import { sql, type Kysely } from 'kysely';
import type { Logger } from '../logging/logger';
import type { Database } from './database';
import { isPostgres } from './migrations/dialect';

/**
 * appointments and the tables its triggers keep beside it (migrations 0021, 0023), which the list's
 * customer and staff filters read: never analysed, their planner estimate stays a handful of rows.
 */
export const APPOINTMENT_TABLES = ['appointments', 'appointment_customers', 'appointment_attendees_seen', 'appointment_staff'] as const;
/**
 * What the customer phase writes. The list reads each page's attendees' links: with customer_links
 * never analysed (11,000 rows taken for 38), PostgreSQL scanned every link of the business for the
 * page's 50, 2-10 ms of each list request.
 */
export const CUSTOMER_TABLES = ['customers', 'customer_links'] as const;

type BulkWrittenTable = (typeof APPOINTMENT_TABLES)[number] | (typeof CUSTOMER_TABLES)[number];

/** Below this many rows written, the planner's picture of the table is still close enough. */
export const STATISTICS_REFRESH_ROWS = 1_000;

/**
 * After a bulk write (a backfill, a year's first sync) PostgreSQL plans the Unbilled list from
 * statistics of the empty table, and without a fresh visibility map it cannot answer count and
 * totals from the covering indexes alone: it reads the whole table until autovacuum comes round,
 * which some servers never do (autovacuum off). `VACUUM (ANALYZE)` fixes both at once. SQLite plans
 * the list from its index definitions (no statistics kept), so nothing is done there.
 * A failure only costs speed: it is logged, never raised.
 */
export async function refreshStatistics(db: Kysely<Database>, tables: readonly BulkWrittenTable[], rowsWritten: number, logger: Logger): Promise<void> {
  if (rowsWritten < STATISTICS_REFRESH_ROWS || !isPostgres(db as Kysely<unknown>)) return;
  try {
    await sql`vacuum (analyze) ${sql.join(tables.map((t) => sql.id(t)))}`.execute(db);
  } catch (error) {
    logger.warn({ err: error }, 'planner statistics not refreshed after a bulk write');
  }
}
