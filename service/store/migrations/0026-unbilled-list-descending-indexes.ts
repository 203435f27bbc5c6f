import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './dialect';

type Db = Kysely<unknown>;

/*
 * The Unbilled list's service and duration sorts, descending, through an index (issue 14.3).
 * unbilled-order.ts orders by the key in the requested direction, then the id ascending; migration
 * 0018's indexes hold both ascending, so walked backwards they give the id descending, and each store
 * sorted every row of the first key's group: a service or a duration is shared by thousands of rows
 * (SQLite's "temp B-tree for last term", PostgreSQL's sort of every open row; ~25 ms at 100,000).
 * As migration 0025 did for price and amount: the key descending, then the id, carrying what the
 * other list indexes carry. The customer key is near unique (a name), so its groups stay small.
 */

const KEYS = [
  ['service', 'list_service_key'],
  ['duration', 'duration_minutes'],
] as const;

const indexName = (sort: string) => `appointments_list_${sort}_desc_idx`;

async function up(db: Db): Promise<void> {
  // Byte order on PostgreSQL, as unbilled-order.ts sorts the id (list_service_key is "C" already).
  const id = isPostgres(db) ? 'id collate "C"' : 'id';
  for (const [sort, column] of KEYS) {
    await sql
      .raw(
        `create index ${indexName(sort)} on appointments (business_id, list_open, ${column} desc, ${id},
          list_fee, list_ready, list_amount_minor, list_currency, service_id, end_utc)`,
      )
      .execute(db);
  }
}

async function down(db: Db): Promise<void> {
  for (const [sort] of KEYS) await db.schema.dropIndex(indexName(sort)).execute();
}

export const unbilledListDescendingIndexes: Migration = { up, down };
