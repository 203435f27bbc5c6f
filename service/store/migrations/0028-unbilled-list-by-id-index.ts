import { sql, type Kysely, type Migration } from 'kysely';

type Db = Kysely<unknown>;

/*
 * The Unbilled list filtered by a staff member, a customer or a searched name (issue 14.3): those
 * filters give the matching appointments' ids (appointment_staff, appointment_customers, the search
 * keys), and each id was looked up by the primary key and its row read, whether open or not, to test
 * the list columns and read its start: a staff member's 1,500 appointments cost 1,500 row reads for a
 * page and again for each part of its totals (~35 ms at 100,000 appointments on either store). This
 * index, led by the id, carries what the list's WHERE and its totals read of a row that cannot be a
 * fee (migration 0018's list columns, the end and the start), so those rows are tested and counted
 * from it alone; only a page's 50 rows are read. unbilled-source.ts points SQLite's planner at it (it
 * prefers the unique primary key on an equal match), PostgreSQL takes it by cost. The id in the
 * column's own collation on PostgreSQL: the filters compare it with the other tables' ids.
 */

const INDEX = 'appointments_list_by_id_idx';

async function up(db: Db): Promise<void> {
  await sql
    .raw(
      `create index ${INDEX} on appointments (id, business_id, list_open, list_fee, list_ready, end_utc,
        list_amount_minor, list_currency, start_utc, service_id)`,
    )
    .execute(db);
}

async function down(db: Db): Promise<void> {
  await db.schema.dropIndex(INDEX).execute();
}

export const unbilledListByIdIndex: Migration = { up, down };
