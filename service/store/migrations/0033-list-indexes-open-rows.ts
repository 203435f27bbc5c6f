import { sql, type Kysely, type Migration } from 'kysely';
import { z } from 'zod';
import { isPostgres } from './dialect';

type Db = Kysely<unknown>;

/*
 * The Unbilled list's sort and filter indexes hold only the rows it lists (list_open = 1): every
 * query of the list pins list_open to 1 (eligibility-sql.ts), so nothing read the closed rows' entries.
 *
 * A claim takes an appointment out of the list: with every row indexed, each of its dozen entries
 * moved from the open to the closed part of its index (a delete and an insert at a random place);
 * now it is only deleted. Claiming the bench's 11,057 appointments (SQLite, the store of a year's
 * first sync, 1,000 a transaction, this machine, two runs each) took 2.78-2.81 s instead of
 * 3.83-3.98 s. And a business's years of invoiced appointments no longer fill these indexes: a
 * sync's writes to closed rows leave them alone.
 *
 * appointments_list_by_id_idx stays whole: the list reads it by id (INDEXED BY) for the rows a
 * selection names, whatever they became. An index a first sync has deferred (deferred-indexes.ts)
 * has its kept definition changed instead.
 */

const OPEN_ONLY = ' where list_open = 1';

/** The list's indexes by name pattern: the LIKE's underscores are literal. */
const LIST_INDEX = `appointments\\_list\\_%`;
const BY_ID = 'appointments_list_by_id_idx';

const definitionsSchema = z.array(z.object({ name: z.string(), definition: z.string().regex(/^create index /i) }));

async function listIndexes(db: Db): Promise<z.infer<typeof definitionsSchema>> {
  const { rows } = isPostgres(db)
    ? await sql`select indexname as name, indexdef as definition from pg_indexes
        where schemaname = current_schema() and tablename = 'appointments' and indexname like ${LIST_INDEX} escape '\\' and indexname <> ${BY_ID}
        order by indexname`.execute(db)
    : await sql`select name, sql as definition from sqlite_master
        where type = 'index' and tbl_name = 'appointments' and name like ${LIST_INDEX} escape '\\' and name <> ${BY_ID}
        order by name`.execute(db);
  return definitionsSchema.parse(rows);
}

/** `change` turns a definition into the new one; indexes waiting in deferred_indexes (SQLite) are changed there. */
async function redefine(db: Db, change: (definition: string) => string): Promise<void> {
  for (const index of await listIndexes(db)) {
    await sql`drop index ${sql.id(index.name)}`.execute(db);
    await sql.raw(change(index.definition)).execute(db);
  }
  if (isPostgres(db)) return;
  const { rows } = await sql`select name, definition from deferred_indexes where name like ${LIST_INDEX} escape '\\' and name <> ${BY_ID}`.execute(db);
  for (const index of definitionsSchema.parse(rows)) {
    await sql`update deferred_indexes set definition = ${change(index.definition)} where name = ${index.name}`.execute(db);
  }
}

const withoutWhere = (definition: string) => definition.replace(/\s+where\s+.*$/is, '');

async function up(db: Db): Promise<void> {
  await redefine(db, (definition) => `${withoutWhere(definition)}${OPEN_ONLY}`);
}

async function down(db: Db): Promise<void> {
  await redefine(db, withoutWhere);
}

export const listIndexesOpenRows: Migration = { up, down };
