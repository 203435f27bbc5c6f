import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './dialect';

type Db = Kysely<unknown>;

/*
 * SQLite only: the definitions of the list-only indexes a first sync drops and creates again at its
 * end (deferred-indexes.ts), kept in the transaction that drops them so that a process killed during
 * that sync gets them back when the store next opens. Written with raw SQL there: no query of the
 * product's reads it through Kysely's types.
 */

async function up(db: Db): Promise<void> {
  if (isPostgres(db)) return;
  await sql`create table deferred_indexes (name text primary key, definition text not null)`.execute(db);
}

async function down(db: Db): Promise<void> {
  if (isPostgres(db)) return;
  await sql`drop table deferred_indexes`.execute(db);
}

export const deferredIndexes: Migration = { up, down };
