import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './dialect';

type Db = Kysely<unknown>;

/*
 * A new appointment's row is written once, with its list columns (issue 14.2). SQLite has no BEFORE
 * trigger that can set NEW, so migration 0018 keeps the list_* columns with an AFTER INSERT trigger
 * that updates the row it has just inserted: every list index (16 of them by now) got an entry with
 * the columns' defaults, then had it deleted and the real one inserted. 40,000 appointments inserted
 * in one transaction took 18.9 s of SQLite; written once, 13.1 s. (A year's first sync commits week
 * by week, where the pages each commit writes weigh as much: see migration 0031.)
 *
 * The sync now inserts through `appointment_inserts`, a view of the columns it writes. On SQLite its
 * INSTEAD OF trigger inserts the row with the list columns computed by 0018's own expressions (read
 * back from its trigger, as 0027 does, so the rule stays where it shipped), over the new values and the
 * table's defaults for the rest. 0018's AFTER INSERT trigger stays for any other writer (a test's
 * fixture, a person's repair), which leaves the list columns at their defaults: it now fires only on
 * such a row (evaluating the expressions again for every row would cost 2.3 s of the 40,000's), and
 * writes only values that differ, as 0027 made the update trigger do. On PostgreSQL the view is a plain
 * updatable one: 0018's BEFORE trigger sets NEW there.
 *
 * A column the sync starts writing later, or one of these renamed or dropped (the view names each), needs
 * a migration that recreates the view and its trigger.
 */

const VIEW = 'appointment_inserts';
const VIEW_TRIGGER = 'appointment_inserts_insert';
const LIST_TRIGGER = 'appointments_list_insert';

/** What a sync writes of a new appointment (appointment-row.ts newAppointmentRow, and the customer counts). */
const COLUMNS = [
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
  'content_hash',
  'graph_last_updated',
  'customer_count',
  'customers_without_email',
  'customers_blocked',
  'search_text',
  'state',
  'claimed_by_run',
  'invoice_id',
  'review_reason',
  'last_seen_sync',
  'entered_price_minor',
  'created_at',
  'updated_at',
] as const;

/** 0018's recompute statement: its column list and its select over the row (which ends `where a.id = NEW.id`). */
const RECOMPUTE = /update appointments set \(([^)]*)\) = \((select [\s\S]*? where a\.id = NEW\.id)\) where id = NEW\.id;/;
const GUARDED =
  /update appointments set \(([^)]*)\) = \((select [\s\S]*? where a\.id = NEW\.id)\) where id = NEW\.id and \([^)]*\) is not \(select [\s\S]*? where a\.id = NEW\.id\);/;

async function triggerSql(db: Db, name: string): Promise<string> {
  const row = await sql<{ sql: string }>`select sql from sqlite_master where type = 'trigger' and name = ${name}`.execute(db);
  const text = row.rows[0]?.sql;
  if (text === undefined) throw new Error(`trigger ${name} is missing`);
  return text;
}

async function replaceTrigger(db: Db, text: string): Promise<void> {
  await sql.raw(`drop trigger ${LIST_TRIGGER}`).execute(db);
  await sql.raw(text).execute(db);
}

interface Column {
  name: string;
  /** The default as SQL text ('null' where it has none). */
  default: string;
  /** INTEGER affinity (a declared type containing INT). */
  integer: boolean;
}

async function tableColumns(db: Db): Promise<Column[]> {
  const info = await sql<{
    name: string;
    type: string;
    dflt_value: string | null;
  }>`select name, type, dflt_value from pragma_table_info('appointments')`.execute(db);
  return info.rows.map((c) => ({ name: c.name, default: c.dflt_value ?? 'null', integer: /int/i.test(c.type) }));
}

/**
 * A new value as the table stores it. A view applies no column affinity, and better-sqlite3 binds a
 * JavaScript number as a REAL: 60000 read as 60000.0 made an hourly line (60000.0 × 45 + 30) / 60 =
 * 45000.5 where the table's own row gives 45000. INTEGER affinity turns a REAL that is a whole number
 * into an INTEGER; the product writes no numbers as text, the other case affinity converts.
 */
const stored = (column: Column) =>
  column.integer
    ? `(case when typeof(NEW.${column.name}) = 'real' and NEW.${column.name} = cast(NEW.${column.name} as integer) then cast(NEW.${column.name} as integer) else NEW.${column.name} end)`
    : `NEW.${column.name}`;

/**
 * The new row as 0018's expressions read it (alias `a`): the inserted values, and the table's default
 * for each column the sync does not write (no_show, cancelled_seen_at, a linked customer, ...).
 */
function newRow(columns: readonly Column[]): string {
  const written = new Set<string>(COLUMNS);
  return columns.map((c) => `${written.has(c.name) ? stored(c) : c.default} as ${c.name}`).join(', ');
}

/** True for a row whose list columns all hold their defaults: one not written through the view. */
const atDefaults = (names: string, columns: readonly Column[]) =>
  names
    .split(',')
    .map((name) => name.trim())
    .map((name) => `NEW.${name} is ${columns.find((c) => c.name === name)?.default ?? 'null'}`)
    .join(' and ');

async function sqliteUp(db: Db): Promise<void> {
  const text = await triggerSql(db, LIST_TRIGGER);
  const match = RECOMPUTE.exec(text);
  if (match === null) throw new Error(`trigger ${LIST_TRIGGER} is not as migration 0018 made it`);
  const [whole, names, select] = match as unknown as [string, string, string];
  const columns = await tableColumns(db);
  const fromNew = select
    .replace(/^select /, `select ${COLUMNS.map((c) => `a.${c}`).join(', ')}, `)
    .replace(/ from appointments a /, ` from (select ${newRow(columns)}) a `)
    .replace(/ where a\.id = NEW\.id$/, '');
  if (!fromNew.includes(' from (select ')) throw new Error(`trigger ${LIST_TRIGGER} does not read the row as migration 0018 made it`);
  await sql.raw(`create view ${VIEW} as select ${COLUMNS.join(', ')} from appointments`).execute(db);
  await sql
    .raw(`create trigger ${VIEW_TRIGGER} instead of insert on ${VIEW} begin insert into appointments (${COLUMNS.join(', ')}, ${names}) ${fromNew}; end`)
    .execute(db);
  const guarded = text
    .replace(whole, whole.replace(/where id = NEW\.id;$/, `where id = NEW.id and (${names}) is not (${select});`))
    .replace(/after insert on appointments begin/, `after insert on appointments when ${atDefaults(names, columns)} begin`);
  await replaceTrigger(db, guarded);
}

async function up(db: Db): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw(`create view ${VIEW} as select ${COLUMNS.join(', ')} from appointments`).execute(db);
    return;
  }
  await sqliteUp(db);
}

async function down(db: Db): Promise<void> {
  if (!isPostgres(db)) {
    await sql.raw(`drop trigger ${VIEW_TRIGGER}`).execute(db);
    const text = await triggerSql(db, LIST_TRIGGER);
    const match = GUARDED.exec(text);
    if (match === null) throw new Error(`trigger ${LIST_TRIGGER} is not as migration 0029 made it`);
    const plain = text
      .replace(match[0], `update appointments set (${match[1]}) = (${match[2]}) where id = NEW.id;`)
      .replace(/after insert on appointments when [\s\S]*? begin/, 'after insert on appointments begin');
    await replaceTrigger(db, plain);
  }
  await sql.raw(`drop view ${VIEW}`).execute(db);
}

export const appointmentInserts: Migration = { up, down };
