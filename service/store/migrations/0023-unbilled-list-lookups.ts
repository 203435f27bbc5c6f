import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './dialect';

type Db = Kysely<unknown>;

/*
 * What the Unbilled list's page needs to find its rows through an index (issue 14.3), beside
 * migration 0021's attendees:
 *
 * - appointment_staff: each appointment's staff members as rows, kept by triggers whoever writes
 *   `staff_member_ids`, so the staff filter reads an index instead of searching every row's JSON.
 *   Text that is no JSON array (never written by the product) has no staff here.
 * - The search box's substring match of `search_text` through a trigram index: PostgreSQL's pg_trgm
 *   GIN index where the server has the extension and lets this user install it (else the search stays
 *   a scan, as before); on SQLite an FTS5 trigram table, kept by triggers, that narrows the candidates
 *   the query still tests with LIKE (so the results stay exactly the LIKE's). FTS5 keys rows by an
 *   integer; appointments has none of its own that lasts (a VACUUM may renumber rowids), so
 *   appointment_search_keys gives each appointment one.
 * - appointments_list_id_idx: the open rows by id, the order of the state sort where every row has
 *   the same state and no reason (the invoiceable rows), carrying what the list's other indexes carry.
 */

/**
 * The business's open rows by id, carrying what migration 0018's list indexes carry. On PostgreSQL
 * the id is in byte order (`collate "C"`), as unbilled-order.ts sorts it, whatever the database's collation.
 */
const listIdIndex = (postgres: boolean) =>
  `create index appointments_list_id_idx on appointments (business_id, list_open, id${postgres ? ' collate "C"' : ''}, list_fee, list_ready, list_amount_minor, list_currency, service_id, end_utc)`;

async function sqliteTriggers(db: Db): Promise<void> {
  const staff = `insert into appointment_staff (appointment_id, business_id, staff_member_id)
    select NEW.id, NEW.business_id, s.value
    from json_each(case when json_valid(NEW.staff_member_ids) and json_type(NEW.staff_member_ids) = 'array' then NEW.staff_member_ids else '[]' end) as s
    where s.type = 'text';`;
  const clearStaff = (row: 'NEW' | 'OLD') => `delete from appointment_staff where appointment_id = ${row}.id;`;
  await sql.raw(`create trigger appointment_staff_insert after insert on appointments begin ${staff} end`).execute(db);
  await sql
    .raw(`create trigger appointment_staff_update after update of id, business_id, staff_member_ids on appointments begin ${clearStaff('OLD')} ${staff} end`)
    .execute(db);
  await sql.raw(`create trigger appointment_staff_delete after delete on appointments begin ${clearStaff('OLD')} end`).execute(db);

  const key = (row: 'NEW' | 'OLD') => `(select key from appointment_search_keys where appointment_id = ${row}.id)`;
  await sql
    .raw(
      `create trigger appointment_search_insert after insert on appointments begin
        insert into appointment_search_keys (appointment_id) values (NEW.id);
        insert into appointment_search (rowid, search_text) values (${key('NEW')}, NEW.search_text);
      end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger appointment_search_update after update of id, search_text on appointments begin
        update appointment_search_keys set appointment_id = NEW.id where appointment_id = OLD.id;
        update appointment_search set search_text = NEW.search_text where rowid = ${key('NEW')};
      end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger appointment_search_delete after delete on appointments begin
        delete from appointment_search where rowid = ${key('OLD')};
        delete from appointment_search_keys where appointment_id = OLD.id;
      end`,
    )
    .execute(db);
}

/** A JSON array of strings (only valid escapes), as a PostgreSQL regular expression. */
const JSON_STRING = String.raw`"([^"\\[:cntrl:]]|\\(["\\/bfnrt]|u[0-9a-fA-F]{4}))*"`;
const STRINGS_ARRAY = String.raw`^\s*\[\s*(${JSON_STRING}\s*(,\s*${JSON_STRING}\s*)*)?\]\s*$`;

async function postgresTriggers(db: Db): Promise<void> {
  // The staff ids of one row's text: none where it is no JSON array (the trigger and the backfill).
  // Text shaped as the product writes it (an array of strings) is read without an exception block,
  // whose subtransaction on every row would slow a year's first sync; anything else is tried with one.
  await sql
    .raw(
      `create function appointment_staff_of(staff text) returns setof text language plpgsql immutable as $$
begin
  if staff ~ '${STRINGS_ARRAY}' then
    return query select e.v from jsonb_array_elements_text(staff::jsonb) as e(v);
    return;
  end if;
  begin
    return query select e.v #>> '{}'
      from jsonb_array_elements(case when jsonb_typeof(staff::jsonb) = 'array' then staff::jsonb else '[]'::jsonb end) as e(v)
      where jsonb_typeof(e.v) = 'string';
  exception when invalid_text_representation then
    return;
  end;
end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create function appointment_staff_sync() returns trigger language plpgsql as $$
begin
  if TG_OP <> 'INSERT' then
    delete from appointment_staff where appointment_id = OLD.id;
  end if;
  if TG_OP <> 'DELETE' then
    insert into appointment_staff (appointment_id, business_id, staff_member_id)
    select NEW.id, NEW.business_id, s from appointment_staff_of(NEW.staff_member_ids) as s;
  end if;
  return null;
end $$`,
    )
    .execute(db);
  await sql
    .raw(`create trigger appointment_staff_insert_delete after insert or delete on appointments for each row execute function appointment_staff_sync()`)
    .execute(db);
  // A write that does not set the staff (a claim, an exclusion) does not rewrite them.
  await sql
    .raw(
      `create trigger appointment_staff_update after update of id, business_id, staff_member_ids on appointments
       for each row execute function appointment_staff_sync()`,
    )
    .execute(db);
}

/** The schema pg_trgm is (or can be) installed in, or undefined where this user cannot have it. */
async function trigramSchema(db: Db): Promise<string | undefined> {
  const installed = await sql<{ schema: string }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
    where e.extname = 'pg_trgm'`.execute(db);
  if (installed.rows[0] !== undefined) return installed.rows[0].schema;
  // pg_trgm is a trusted extension: the database's CREATE privilege installs it (into public, so that
  // another schema of the same database finds it too); asked first, as a failure would end the migration.
  const can = await sql<{ ok: boolean }>`select exists (select 1 from pg_available_extensions where name = 'pg_trgm')
    and has_database_privilege(current_database(), 'CREATE')
    and exists (select 1 from pg_namespace where nspname = 'public' and has_schema_privilege('public', 'CREATE')) as ok`.execute(db);
  if (can.rows[0]?.ok !== true) return undefined;
  // A managed server may still refuse it (Azure allows only the extensions its azure.extensions lists):
  // under a savepoint, so the refusal leaves the migration's transaction usable and search a scan.
  await sql`savepoint pg_trgm_install`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
  } catch {
    await sql`rollback to savepoint pg_trgm_install`.execute(db);
    return undefined;
  }
  await sql`release savepoint pg_trgm_install`.execute(db);
  return 'public';
}

async function up(db: Db): Promise<void> {
  const postgres = isPostgres(db);
  await db.schema
    .createTable('appointment_staff')
    .addColumn('appointment_id', 'text', (c) => c.notNull())
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('staff_member_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appointment_staff_idx').on('appointment_staff').columns(['business_id', 'staff_member_id', 'appointment_id']).execute();
  await db.schema.createIndex('appointment_staff_appointment_idx').on('appointment_staff').column('appointment_id').execute();
  await sql.raw(listIdIndex(postgres)).execute(db);
  if (postgres) {
    await postgresTriggers(db);
    const schema = await trigramSchema(db);
    if (schema !== undefined) {
      await sql`create index appointments_search_trgm_idx on appointments using gin (search_text ${sql.id(schema)}.gin_trgm_ops)`.execute(db);
    }
    // The rows already there, without rewriting every appointment.
    await sql`insert into appointment_staff (appointment_id, business_id, staff_member_id)
      select a.id, a.business_id, s from appointments a, appointment_staff_of(a.staff_member_ids) as s`.execute(db);
  } else {
    await sql`create table appointment_search_keys (key integer primary key, appointment_id text not null unique)`.execute(db);
    await sql`create virtual table appointment_search using fts5(search_text, tokenize = 'trigram')`.execute(db);
    await sqliteTriggers(db);
    // The rows already there, without firing the other triggers on every row.
    await sql`insert into appointment_staff (appointment_id, business_id, staff_member_id)
      select a.id, a.business_id, s.value from appointments a,
        json_each(case when json_valid(a.staff_member_ids) and json_type(a.staff_member_ids) = 'array' then a.staff_member_ids else '[]' end) as s
      where s.type = 'text'`.execute(db);
    await sql`insert into appointment_search_keys (appointment_id) select id from appointments`.execute(db);
    await sql`insert into appointment_search (rowid, search_text)
      select k.key, a.search_text from appointments a join appointment_search_keys k on k.appointment_id = a.id`.execute(db);
  }
}

async function down(db: Db): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop index if exists appointments_search_trgm_idx`.execute(db);
    await sql.raw('drop trigger appointment_staff_update on appointments').execute(db);
    await sql.raw('drop trigger appointment_staff_insert_delete on appointments').execute(db);
    await sql.raw('drop function appointment_staff_sync()').execute(db);
    await sql.raw('drop function appointment_staff_of(text)').execute(db);
  } else {
    for (const name of [
      'appointment_staff_insert',
      'appointment_staff_update',
      'appointment_staff_delete',
      'appointment_search_insert',
      'appointment_search_update',
      'appointment_search_delete',
    ]) {
      await sql.raw(`drop trigger ${name}`).execute(db);
    }
    await sql`drop table appointment_search`.execute(db);
    await sql`drop table appointment_search_keys`.execute(db);
  }
  await db.schema.dropIndex('appointments_list_id_idx').execute();
  await db.schema.dropTable('appointment_staff').execute();
}

export const unbilledListLookups: Migration = { up, down };
