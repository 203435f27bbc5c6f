import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Statements kept: the list's dozens of query shapes and the writers' fit many times over. */
const DEFAULT_CAPACITY = 128;

/** DDL may change what a kept statement reads: the cache starts again after one. */
const DDL = /^\s*(create|alter|drop)\b/i;

/**
 * The database as Kysely's SQLite driver sees it, with its prepared statements kept by SQL text.
 * The driver prepares every query it runs: for an Unbilled list page that was a seventh of the
 * request's CPU, spent compiling the same few statements again. A statement still being iterated
 * (a stream) is busy: a query of the same text then gets a statement of its own.
 */
export function withStatementCache(database: BetterSqlite3.Database, capacity = DEFAULT_CAPACITY): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      kept.clear();
      database.close();
    },
    prepare: (sql) => {
      if (DDL.test(sql)) {
        kept.clear();
        return database.prepare(sql);
      }
      const known = kept.get(sql);
      if (known !== undefined && !known.busy) {
        // Least recently used first: a Map iterates in insertion order.
        kept.delete(sql);
        kept.set(sql, known);
        return known;
      }
      const statement = database.prepare(sql);
      if (known === undefined) {
        kept.set(sql, statement);
        if (kept.size > capacity) kept.delete(kept.keys().next().value!);
      }
      return statement;
    },
  };
}
