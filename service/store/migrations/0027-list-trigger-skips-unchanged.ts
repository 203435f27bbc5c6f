import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './dialect';

type Db = Kysely<unknown>;

/*
 * SQLite's trigger that keeps an appointment's list_* columns (migration 0018) writes them only when
 * they change (issue 14.1). It recomputed and wrote all of them on every update of an input, and a
 * write of list_* rewrites the row's entry in each of the ~12 list indexes even when the values are
 * the same: an invoice run paid that for every appointment twice, at the claim (unbilled → claimed,
 * which does change list_open) and at the record (claimed → invoiced, which changes nothing the list
 * stores). The values written are still exactly 0018's: the trigger is read back from the schema
 * and only its WHERE gains "and the stored values differ" (`is not`, so NULLs compare as values).
 *
 * PostgreSQL's BEFORE trigger sets NEW in the row being written anyway: nothing to change there.
 */

const TRIGGER = 'appointments_list_update';

/** 0018's recompute statement: its column list and its select (which ends `where a.id = NEW.id`). */
const RECOMPUTE = /update appointments set \(([^)]*)\) = \((select [\s\S]*? where a\.id = NEW\.id)\) where id = NEW\.id;/;

async function triggerSql(db: Db): Promise<string> {
  const row = await sql<{ sql: string }>`select sql from sqlite_master where type = 'trigger' and name = ${TRIGGER}`.execute(db);
  const text = row.rows[0]?.sql;
  if (text === undefined) throw new Error(`trigger ${TRIGGER} is missing`);
  return text;
}

async function replaceTrigger(db: Db, rewrite: (recompute: RegExpExecArray) => string): Promise<void> {
  const text = await triggerSql(db);
  const match = RECOMPUTE.exec(text);
  if (match === null) throw new Error(`trigger ${TRIGGER} is not as migration 0018 made it`);
  await sql.raw(`drop trigger ${TRIGGER}`).execute(db);
  await sql.raw(text.replace(match[0], rewrite(match))).execute(db);
}

async function up(db: Db): Promise<void> {
  if (isPostgres(db)) return;
  await replaceTrigger(db, ([whole, names, select]) => whole.replace(/where id = NEW\.id;$/, `where id = NEW.id and (${names}) is not (${select});`));
}

async function down(db: Db): Promise<void> {
  if (isPostgres(db)) return;
  const guarded =
    /update appointments set \(([^)]*)\) = \((select [\s\S]*? where a\.id = NEW\.id)\) where id = NEW\.id and \([^)]*\) is not \(select [\s\S]*? where a\.id = NEW\.id\);/;
  const text = await triggerSql(db);
  const match = guarded.exec(text);
  if (match === null) throw new Error(`trigger ${TRIGGER} is not as migration 0027 made it`);
  await sql.raw(`drop trigger ${TRIGGER}`).execute(db);
  await sql.raw(text.replace(match[0], `update appointments set (${match[1]}) = (${match[2]}) where id = NEW.id;`)).execute(db);
}

export const listTriggerSkipsUnchanged: Migration = { up, down };
