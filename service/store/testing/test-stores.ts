import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Store as StoreConfig } from '../../config/config';
import { openStore, type AppStore, type StoreKind } from '../open-store';

export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** What a suite may do besides using its store: open more stores on the same database. */
export interface StoreSuite {
  readonly kind: StoreKind;
  /** Opens (and migrates) another store on the suite's database; closed in afterAll. */
  reopen(): Promise<AppStore>;
  /** A store on a brand-new empty database (file or schema) of the same kind; the same target for every call. */
  freshTarget(): { open(): Promise<AppStore> };
  /**
   * Where a brand-new empty database (file or schema) of the same kind would be, for code that opens
   * its own store (a whole app server); the caller closes what it opens, the files and database go in afterAll.
   */
  freshConfig(): Promise<{ config: StoreConfig; schema?: string }>;
}

export type Availability = { reachable: true } | { reachable: false; reason: string };

// Jest's describe blocks are synchronous, so the probe runs in a child process once per test file.
export function probePostgres(url: string): Availability {
  const script = `
    const { Client } = require(${JSON.stringify(require.resolve('pg'))});
    const client = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    client.connect().then(() => client.end()).then(
      () => process.exit(0),
      (err) => { process.stderr.write(String(err && err.message)); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['-e', script, url], { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 ? { reachable: true } : { reachable: false, reason: result.stderr.trim() || 'no answer' };
}

const postgres = probePostgres(TEST_DATABASE_URL);
const isCi = process.env['CI'] === 'true';
if (!postgres.reachable && !isCi) {
  console.warn(
    `\n*** PostgreSQL at ${TEST_DATABASE_URL} is unreachable (${postgres.reason}): ` +
      'store suites run on SQLite ONLY. Start PostgreSQL or set TEST_DATABASE_URL to test both. ***\n',
  );
}

const uniqueSchema = () => `test_${randomUUID().replaceAll('-', '').slice(0, 20)}`;

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own on the test server, so no other run shares it: Kysely's migrator lists the
 * tables of every schema of its database, and another run dropping its schema meanwhile fails that
 * listing (3F000). `url` is ready once `create()` resolved; `drop()` removes it with its connections.
 */
export function ownPostgresDatabase(): { readonly url: string; create(): Promise<void>; drop(): Promise<void> } {
  const name = `t_${randomUUID().replaceAll('-', '').slice(0, 24)}`;
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    create: () => withAdmin((client) => client.query(`create database "${name}"`)).then(() => undefined),
    drop: () => withAdmin((client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}

interface Target {
  config: StoreConfig;
  schema?: string;
}

function harness(kind: StoreKind) {
  const opened: AppStore[] = [];
  let database: ReturnType<typeof ownPostgresDatabase> | undefined;
  let created: Promise<void> | undefined;
  let dir: string | undefined;

  const newTarget = (): Target => {
    if (kind === 'postgres') {
      database ??= ownPostgresDatabase();
      return { config: { kind, url: database.url }, schema: uniqueSchema() };
    }
    dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'store-test-'));
    // A nested path, so openStore must create the directory.
    return { config: { kind, file: path.join(dir, randomUUID(), 'data', 'bookings.db') } };
  };
  const open = async (target: Target): Promise<AppStore> => {
    if (database !== undefined) await (created ??= database.create());
    const store = await openStore(target.config, target.schema === undefined ? {} : { schema: target.schema });
    opened.push(store);
    return store;
  };
  const cleanUp = async (): Promise<void> => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
    if (created !== undefined && database !== undefined)
      await created.then(
        () => database?.drop(),
        () => undefined,
      );
  };
  const config = async (): Promise<Target> => {
    const target = newTarget();
    if (database !== undefined) await (created ??= database.create());
    return target;
  };
  return { newTarget, open, cleanUp, config };
}

/**
 * Runs one suite on a fresh SQLite file and on a fresh PostgreSQL schema. Without a reachable
 * PostgreSQL the PostgreSQL run is skipped with a warning, except on CI (CI=true) where it fails.
 */
export function describeEachStore(title: string, body: (getStore: () => AppStore, suite: StoreSuite) => void): void {
  for (const kind of ['sqlite', 'postgres'] as const) {
    if (kind === 'postgres' && !postgres.reachable && !isCi) continue;
    describe(`${title} [${kind}]`, () => {
      const h = harness(kind);
      const main = h.newTarget();
      let store: AppStore | undefined;

      beforeAll(async () => {
        if (kind === 'postgres' && !postgres.reachable) {
          throw new Error(`CI=true but PostgreSQL at ${TEST_DATABASE_URL} is unreachable: ${postgres.reason}`);
        }
        store = await h.open(main);
      });
      afterAll(() => h.cleanUp());

      body(
        () => {
          if (store === undefined) throw new Error('The store is not open yet: use getStore() inside tests or hooks');
          return store;
        },
        {
          kind,
          reopen: () => h.open(main),
          freshTarget: () => {
            const target = h.newTarget();
            return { open: () => h.open(target) };
          },
          freshConfig: () => h.config(),
        },
      );
    });
  }
}
