import { sql, type Kysely } from 'kysely';
import type { Logger } from '../logging/logger';
import type { Database } from './database';
import { isPostgres } from './migrations/dialect';

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
export async function refreshStatistics(db: Kysely<Database>, rowsWritten: number, logger: Logger): Promise<void> {
  if (rowsWritten < STATISTICS_REFRESH_ROWS || !isPostgres(db as Kysely<unknown>)) return;
  try {
    await sql`vacuum (analyze) appointments`.execute(db);
  } catch (error) {
    logger.warn({ err: error }, 'planner statistics not refreshed after a bulk write');
  }
}
