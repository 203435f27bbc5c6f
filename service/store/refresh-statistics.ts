import { sql, type Kysely } from 'kysely';
import type { Logger } from '../logging/logger';
import type { Database } from './database';
import { isPostgres } from './migrations/dialect';

/** Below this many rows written, the planner's picture of the table is still close enough. */
export const STATISTICS_REFRESH_ROWS = 1_000;

/**
 * After a bulk write (a backfill, a year's first sync) PostgreSQL plans the Unbilled list from
 * statistics of the empty tables, and without a fresh visibility map it cannot answer count and
 * totals from the covering indexes alone: it reads the whole table until autovacuum comes round,
 * which some servers never do (autovacuum off). `VACUUM (ANALYZE)` fixes both at once. SQLite plans
 * the list from its index definitions (no statistics kept), so nothing is done there.
 * A failure only costs speed: it is logged, never raised.
 */
/**
 * The appointments and the rows their triggers keep beside them (migrations 0021, 0023): the staff and
 * customer filters are planned from these tables' statistics too, and stale ones (a handful of rows
 * where a staff member has thousands) send the planner to a nested loop over every match.
 */
export const ANALYSED = ['appointments', 'appointment_staff', 'appointment_customers', 'appointment_attendees_seen'] as const;

export async function refreshStatistics(db: Kysely<Database>, rowsWritten: number, logger: Logger): Promise<void> {
  if (rowsWritten < STATISTICS_REFRESH_ROWS || !isPostgres(db as Kysely<unknown>)) return;
  try {
    await sql`vacuum (analyze) ${sql.join(ANALYSED.map((t) => sql.table(t)))}`.execute(db);
  } catch (error) {
    logger.warn({ err: error }, 'planner statistics not refreshed after a bulk write');
  }
}
