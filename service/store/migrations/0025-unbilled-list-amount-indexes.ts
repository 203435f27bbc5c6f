import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './dialect';

type Db = Kysely<unknown>;

/*
 * The Unbilled list's price and amount sorts through an index (issue 14.3). unbilled-order.ts orders
 * them by "has no value" first (rows without a price last either way), the value in the requested
 * direction, then the id ascending: one index per direction, since the id stays ascending, each
 * keyed by exactly those expressions so the planner walks it instead of sorting every open row.
 * They carry what the other list indexes carry (migration 0018), so a page is found without reading rows.
 */

const KEYS = [
  ['price', 'list_unit_minor'],
  ['amount', 'list_amount_minor'],
] as const;

const DIRECTIONS = ['asc', 'desc'] as const;

const indexName = (sort: string, direction: string) => `appointments_list_${sort}_${direction}_idx`;

async function up(db: Db): Promise<void> {
  // Byte order on PostgreSQL, as unbilled-order.ts sorts the id.
  const id = isPostgres(db) ? 'id collate "C"' : 'id';
  for (const [sort, column] of KEYS) {
    for (const direction of DIRECTIONS) {
      const carried = ['list_fee', 'list_ready', ...(column === 'list_amount_minor' ? [] : ['list_amount_minor']), 'list_currency', 'service_id', 'end_utc'];
      await sql
        .raw(
          `create index ${indexName(sort, direction)} on appointments (business_id, list_open,
            (case when ${column} is null then 1 else 0 end), ${column} ${direction}, ${id}, ${carried.join(', ')})`,
        )
        .execute(db);
    }
  }
}

async function down(db: Db): Promise<void> {
  for (const [sort] of KEYS) {
    for (const direction of DIRECTIONS) await db.schema.dropIndex(indexName(sort, direction)).execute();
  }
}

export const unbilledListAmountIndexes: Migration = { up, down };
