import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, type Dialect, type LogEvent } from 'kysely';
import pg from 'pg';
import type { Store as StoreConfig } from '../config/config';
import { silentLogger, type Logger } from '../logging/logger';
import type { Database } from './database';
import { migrateToLatest } from './migrator';
import { numericTypes } from './pg-types';
import { AppSqliteDialect } from './sqlite-dialect';
import { withStatementCache } from './sqlite-statement-cache';
import { deferListIndexesWhileEmpty, restoreDeferredIndexes } from './deferred-indexes';

export type StoreKind = StoreConfig['kind'];

/** The opened, migrated database. */
export interface AppStore {
  readonly db: Kysely<Database>;
  readonly kind: StoreKind;
  /**
   * Runs `work` (a sync) with the store tuned for many scattered writes: on SQLite a larger page cache
   * while any such work runs, and the list-only indexes built once at the end when the first finds the
   * store without appointments; both given back after the last one ends. Queries are as always, on `db`.
   */
  whileBulkWriting<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  logger?: Logger;
  /** PostgreSQL only: the schema to use (created when missing), e.g. one per test suite. */
  schema?: string;
  /** SQLite only: how long a statement waits for another process's write lock. */
  busyTimeoutMs?: number;
  /** Stop after this migration instead of the latest: for the tests that upgrade a database from each earlier version. */
  migrateUpTo?: string;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
// PostgreSQL error codes that mean a concurrent `create schema if not exists` won the race.
const ALREADY_EXISTS = new Set(['23505', '42P06']);

/** The database could not be opened or brought up to date: the message names the file (or server) and the cause. */
export class StoreOpenError extends Error {
  constructor(
    readonly where: string,
    override readonly cause: unknown,
  ) {
    super(`Cannot open the database ${where}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StoreOpenError';
  }
}

/** Where a store lives, for a person: the SQLite file, or PostgreSQL's host and database without credentials. */
function describeStore(config: StoreConfig): string {
  if (config.kind === 'sqlite') return `(SQLite file ${config.file})`;
  try {
    const url = new URL(config.url);
    return `(PostgreSQL ${url.host}${url.pathname})`;
  } catch {
    return '(PostgreSQL)';
  }
}

/**
 * SQLite's page cache, in KiB. While a sync writes, 32 MB: its inserts land all over the appointments'
 * dozen indexes, and with 2 MB most of a chunk's pages were evicted and re-read within its transaction.
 * The rest of the time 8 MB, which holds the hot index pages of the list and the invoice run: a cache
 * kept full at 32 MB between syncs was a tenth of the process's resident memory, and pages past it
 * are read from the operating system's cache.
 */
const SQLITE_CACHE_KIB = 8_192;
const SQLITE_BULK_WRITE_CACHE_KIB = 32_768;

type BulkWriting = AppStore['whileBulkWriting'];

/**
 * While any bulk work runs (syncs of several businesses overlap): a larger page cache, and when the
 * first one finds no appointment stored, the list-only indexes deferred (deferred-indexes.ts). Both
 * end with the last one, whether it succeeded or not.
 */
function sqliteBulkWriting(database: BetterSqlite3.Database, db: Kysely<Database>, logger: Logger): BulkWriting {
  let running = 0;
  // The first one's preparation, which every one that overlaps it waits for: all write under the same conditions.
  let prepared: Promise<void> = Promise.resolve();
  const prepare = async () => {
    database.pragma(`cache_size = -${SQLITE_BULK_WRITE_CACHE_KIB}`);
    const deferred = await deferListIndexesWhileEmpty(db).catch((err: unknown) => {
      logger.warn({ err }, 'list indexes not deferred: the first sync maintains them row by row');
      return [];
    });
    if (deferred.length > 0) logger.info({ indexes: deferred }, 'list indexes deferred while the first sync fills the store');
  };
  return async (work) => {
    if (running++ === 0) prepared = prepare();
    try {
      await prepared;
      return await work();
    } finally {
      if (--running === 0 && database.open) {
        await restoreDeferredIndexes(db, logger);
        database.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
        // Lowering the limit alone keeps the pages already cached; this frees the ones past it.
        database.pragma('shrink_memory');
      }
    }
  };
}

function sqliteDialect(file: string, busyTimeoutMs: number): { dialect: Dialect; database: BetterSqlite3.Database } {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new BetterSqlite3(file);
  try {
    database.pragma('journal_mode = WAL');
    // WAL makes NORMAL durable against application crashes; only an OS crash may lose the last commit.
    database.pragma('synchronous = NORMAL');
    database.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    database.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
    // A multi-row insert into appointments (whose triggers write other tables) keeps a statement
    // journal of every page it changes, so that it can be undone alone inside its transaction. Kept
    // in a temporary file, that was a write system call per page: a tenth of a year's first sync's CPU.
    database.pragma('temp_store = MEMORY');
    database.pragma('foreign_keys = ON');
  } catch (err) {
    database.close();
    throw err;
  }
  return { dialect: new AppSqliteDialect({ database: withStatementCache(database) }), database };
}

function postgresDialect(url: string, schema: string | undefined, logger: Logger): Dialect {
  const pool = new pg.Pool({
    connectionString: url,
    types: numericTypes,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', (err) => logger.warn({ err }, 'idle PostgreSQL connection failed'));
  return new PostgresDialect({ pool });
}

async function ensureSchema(db: Kysely<Database>, schema: string): Promise<void> {
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code !== 'string' || !ALREADY_EXISTS.has(code)) throw err;
  }
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no schema to create tables in: check the search_path');
  return schema;
}

function queryLog(logger: Logger) {
  // Parameters stay out of the log: they carry customer names and emails.
  return (event: LogEvent) => {
    if (event.level === 'error') {
      logger.debug({ sql: event.query.sql, ms: event.queryDurationMillis, err: event.error }, 'query failed');
    }
  };
}

/** Opens the configured database and runs every pending migration before returning it. */
export async function openStore(config: StoreConfig, options: OpenStoreOptions = {}): Promise<AppStore> {
  const logger = (options.logger ?? silentLogger).child({ component: 'store', store: config.kind });
  const { schema } = options;
  if (schema !== undefined && (config.kind !== 'postgres' || !SCHEMA_NAME.test(schema))) {
    throw new Error(`Invalid store schema ${JSON.stringify(schema)}: only for PostgreSQL, lower-case identifier`);
  }
  let dialect: Dialect;
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    if (config.kind === 'sqlite') ({ dialect, database: sqlite } = sqliteDialect(config.file, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS));
    else dialect = postgresDialect(config.url, schema, logger);
  } catch (err) {
    throw new StoreOpenError(describeStore(config), err);
  }
  const db = new Kysely<Database>({ dialect, log: queryLog(logger) });
  try {
    if (schema !== undefined) await ensureSchema(db, schema);
    // Before the migrations, which expect the schema whole: a process killed during a first sync left indexes deferred.
    await restoreDeferredIndexes(db, logger);
    await migrateToLatest(db, logger, config.kind === 'postgres' ? await currentSchema(db) : undefined, options.migrateUpTo);
  } catch (err) {
    await db.destroy();
    throw new StoreOpenError(describeStore(config), err);
  }
  // PostgreSQL's buffers and indexes are the server's: nothing to tune in this process.
  const whileBulkWriting: BulkWriting = sqlite === undefined ? (work) => work() : sqliteBulkWriting(sqlite, db, logger);
  return { db, kind: config.kind, whileBulkWriting, close: () => db.destroy() };
}
