import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './dialect';

type Db = Kysely<unknown>;

/*
 * The Unbilled list's customer, service, duration, price, amount and state sorts order equal keys by
 * the start, then the id (unbilled-order.ts), where they went by the id alone; their indexes follow.
 * The state sort of the invoiceable rows (every key pinned but the start and the id) then walks
 * migration 0018's start index, and 0023's appointments_list_id_idx, which served it by the id alone
 * (a random place for each new row, as below), goes.
 *
 * A person sorting by customer or service reads each one's appointments in date order. And a year's
 * first sync writes its appointments week by week: keyed by a value shared by thousands of rows (a
 * service, a price, a duration) and then a random id, each of these indexes took a week's rows on as
 * many pages all over it, and each commit wrote every page it touched (up to 48,000 pages, 190 MB, per
 * week at 100,000 appointments on SQLite). Keyed by the start before the id, a week's rows land
 * together at the end of their group: the weekly commits of 100,000 appointments wrote 0.99 million
 * pages to the WAL instead of 1.84 million, and with 0029 a year's first sync (the bench's harness,
 * back to back on one machine) took 88.8 s instead of 126.5, its appointment phase 73 s instead of 111.
 *
 * The indexes carry what they carried (migrations 0018, 0025, 0026). On PostgreSQL the id is in byte
 * order, as unbilled-order.ts sorts it; 0021's price index there, keyed by the id in the database's
 * collation, served no order of the list's and goes (SQLite's went in 0030).
 */

const CARRIED = ['list_fee', 'list_ready', 'list_amount_minor', 'list_currency', 'service_id', 'end_utc'];

interface ListIndex {
  name: string;
  /** The sort's key columns, with their direction. */
  key: string[];
  carried: string[];
}

const nullsLast = (column: string) => `(case when ${column} is null then 1 else 0 end)`;

const INDEXES: readonly ListIndex[] = [
  { name: 'appointments_list_customer_idx', key: ['list_customer_key'], carried: CARRIED },
  { name: 'appointments_list_service_idx', key: ['list_service_key'], carried: CARRIED },
  { name: 'appointments_list_service_desc_idx', key: ['list_service_key desc'], carried: CARRIED },
  { name: 'appointments_list_duration_idx', key: ['duration_minutes'], carried: CARRIED },
  { name: 'appointments_list_duration_desc_idx', key: ['duration_minutes desc'], carried: CARRIED },
  { name: 'appointments_list_price_asc_idx', key: [nullsLast('list_unit_minor'), 'list_unit_minor asc'], carried: CARRIED },
  { name: 'appointments_list_price_desc_idx', key: [nullsLast('list_unit_minor'), 'list_unit_minor desc'], carried: CARRIED },
  {
    name: 'appointments_list_amount_asc_idx',
    key: [nullsLast('list_amount_minor'), 'list_amount_minor asc'],
    carried: CARRIED.filter((c) => c !== 'list_amount_minor'),
  },
  {
    name: 'appointments_list_amount_desc_idx',
    key: [nullsLast('list_amount_minor'), 'list_amount_minor desc'],
    carried: CARRIED.filter((c) => c !== 'list_amount_minor'),
  },
];

/** 0021's price index, on PostgreSQL (0030 dropped SQLite's). */
const OLD_PRICE = 'appointments_list_price_idx';
const oldPriceIndex = `create index ${OLD_PRICE} on appointments (business_id, list_open, ${nullsLast('list_unit_minor')}, list_unit_minor, id, ${CARRIED.join(', ')})`;

async function recreate(db: Db, tieBreak: (id: string) => string[]): Promise<void> {
  const id = isPostgres(db) ? 'id collate "C"' : 'id';
  for (const index of INDEXES) {
    await sql.raw(`drop index ${index.name}`).execute(db);
    await sql
      .raw(`create index ${index.name} on appointments (business_id, list_open, ${[...index.key, ...tieBreak(id), ...index.carried].join(', ')})`)
      .execute(db);
  }
}

/** 0023's: the open rows by id, carrying what the list indexes carry. */
const BY_ID = 'appointments_list_id_idx';
const byIdIndex = (id: string) => `create index ${BY_ID} on appointments (business_id, list_open, ${id}, ${CARRIED.join(', ')})`;

async function up(db: Db): Promise<void> {
  await recreate(db, (id) => ['start_utc', id]);
  await sql.raw(`drop index ${BY_ID}`).execute(db);
  if (isPostgres(db)) await sql.raw(`drop index ${OLD_PRICE}`).execute(db);
}

async function down(db: Db): Promise<void> {
  // As the earlier migrations made them but for the id's collation on PostgreSQL, which only 0018's lacked.
  await recreate(db, (id) => [id]);
  await sql.raw(byIdIndex(isPostgres(db) ? 'id collate "C"' : 'id')).execute(db);
  if (isPostgres(db)) await sql.raw(oldPriceIndex).execute(db);
}

export const listSortsByStart: Migration = { up, down };
