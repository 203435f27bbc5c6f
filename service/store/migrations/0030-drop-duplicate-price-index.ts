import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './dialect';

type Db = Kysely<unknown>;

/*
 * On SQLite, migration 0025's appointments_list_price_asc_idx is migration 0021's
 * appointments_list_price_idx again, column for column: every insert and every claim wrote the same
 * entry twice (one of the ~25 indexes a new appointment is written to, ~25 MB at 100,000 rows), and
 * the planner can take either. On PostgreSQL they differ (0025 keys the id in byte order, as
 * unbilled-order.ts sorts it) and 0021's is left to the planner.
 */

const INDEX = 'appointments_list_price_idx';

async function up(db: Db): Promise<void> {
  if (isPostgres(db)) return;
  await sql.raw(`drop index ${INDEX}`).execute(db);
}

async function down(db: Db): Promise<void> {
  if (isPostgres(db)) return;
  await sql
    .raw(
      `create index ${INDEX} on appointments (business_id, list_open, (case when list_unit_minor is null then 1 else 0 end), list_unit_minor, id, list_fee, list_ready, list_amount_minor, list_currency, service_id, end_utc)`,
    )
    .execute(db);
}

export const dropDuplicatePriceIndex: Migration = { up, down };
