import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './dialect';

type Db = Kysely<unknown>;

/*
 * A per-business "list generation" (issue 14.3): a counter that every committed write which can change
 * the Unbilled list's count or totals raises, so a process may keep the totals it computed until the
 * counter moves (service/unbilled/list-totals-cache.ts). It lives in the database, not in a process,
 * so several app instances on one PostgreSQL (and the CLI beside the server on one SQLite file) see
 * each other's writes with one primary-key read.
 *
 * Triggers raise it whoever writes, on every table the totals read: appointments (the columns below)
 * and service_links (which migration 0018 already carries onto the appointments' list_* columns; raised
 * here too so nothing rests on that). The setup and the clock are not writes: the cache keys on them.
 *
 * SQLite has one writer at a time, so each row's trigger simply raises the counter. On PostgreSQL a row
 * lock on the counter held from a transaction's first write to its commit would queue every writer of
 * the business behind the others (and could close a deadlock between two that lock appointments in
 * different orders), so the triggers are constraint triggers deferred to commit, and each transaction
 * raises a business's counter once (a transaction-local setting remembers it): the lock is held only
 * while the transaction commits, and the new value becomes visible with the rows it stands for.
 */

/**
 * The appointment columns the list's filters, eligibility, amounts and buckets read (an update of
 * only others, such as a sync marking rows seen, does not raise the counter). A later migration that
 * adds a column the list reads must add it here.
 */
const WATCHED = [
  'id',
  'business_id',
  'start_utc',
  'end_utc',
  'duration_minutes',
  'service_id',
  'service_name',
  'staff_member_ids',
  'customers',
  'price_minor',
  'currency',
  'price_type',
  'state',
  'review_reason',
  'customer_count',
  'customers_without_email',
  'entered_price_minor',
  'search_text',
  'customers_blocked',
  'linked_bc_customer_id',
  'no_show',
  'cancelled_seen_at',
  'list_open',
  'list_fee',
  'list_ready',
  'list_unit_minor',
  'list_amount_minor',
  'list_currency',
];

const TABLES = [
  ['appointments', `update of ${WATCHED.join(', ')}`],
  ['service_links', 'update'],
] as const;

const bumpSqlite = (row: 'NEW' | 'OLD') =>
  `insert into unbilled_list_generations (business_id, generation) values (${row}.business_id, 1)
   on conflict (business_id) do update set generation = generation + 1;`;

async function sqliteTriggers(db: Db): Promise<void> {
  for (const [table, update] of TABLES) {
    await sql.raw(`create trigger ${table}_generation_insert after insert on ${table} begin ${bumpSqlite('NEW')} end`).execute(db);
    await sql.raw(`create trigger ${table}_generation_delete after delete on ${table} begin ${bumpSqlite('OLD')} end`).execute(db);
    // A row moved to another business (never done, but cheap to cover) changes both lists.
    await sql.raw(`create trigger ${table}_generation_update after ${update} on ${table} begin ${bumpSqlite('NEW')} ${bumpSqlite('OLD')} end`).execute(db);
  }
}

async function postgresTriggers(db: Db): Promise<void> {
  // The setting holds the businesses this transaction has raised already, each followed by a newline.
  await sql
    .raw(
      `create function unbilled_list_generation_bump() returns trigger language plpgsql as $$
declare
  raised text := coalesce(current_setting('unbilled_list.raised', true), '');
  business text;
begin
  foreach business in array array[NEW.business_id, OLD.business_id] loop
    if business is not null and position(E'\\n' || business || E'\\n' in E'\\n' || raised) = 0 then
      insert into unbilled_list_generations (business_id, generation) values (business, 1)
        on conflict (business_id) do update set generation = unbilled_list_generations.generation + 1;
      raised := raised || business || E'\\n';
      perform set_config('unbilled_list.raised', raised, true);
    end if;
  end loop;
  return null;
end $$`,
    )
    .execute(db);
  for (const [table, update] of TABLES) {
    await sql
      .raw(
        `create constraint trigger ${table}_generation after insert or delete or ${update} on ${table}
         deferrable initially deferred for each row execute function unbilled_list_generation_bump()`,
      )
      .execute(db);
  }
}

async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('unbilled_list_generations')
    .addColumn('business_id', 'text', (c) => c.primaryKey())
    .addColumn('generation', 'bigint', (c) => c.notNull())
    .execute();
  if (isPostgres(db)) await postgresTriggers(db);
  else await sqliteTriggers(db);
}

async function down(db: Db): Promise<void> {
  if (isPostgres(db)) {
    for (const [table] of TABLES) await sql.raw(`drop trigger ${table}_generation on ${table}`).execute(db);
    await sql.raw('drop function unbilled_list_generation_bump()').execute(db);
  } else {
    for (const [table] of TABLES) {
      for (const event of ['insert', 'delete', 'update']) await sql.raw(`drop trigger ${table}_generation_${event}`).execute(db);
    }
  }
  await db.schema.dropTable('unbilled_list_generations').execute();
}

export const unbilledListGenerations: Migration = { up, down };
