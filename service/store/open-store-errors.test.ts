import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, StoreOpenError } from './open-store';

/* A database that cannot be opened says which file, so the operator knows what to fix. */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'open-store-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a file that is not a database is named in the error', async () => {
  const file = path.join(dir, 'not-a-database.db');
  fs.writeFileSync(file, 'this is a text file, not SQLite '.repeat(100));
  const failure = await openStore({ kind: 'sqlite', file }).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(StoreOpenError);
  expect((failure as Error).message).toContain(`SQLite file ${file}`);
  expect((failure as Error).message).toMatch(/not a database/);
});

test('a folder where the file should be is named in the error', async () => {
  const file = path.join(dir, 'a-folder.db');
  fs.mkdirSync(file);
  const failure = await openStore({ kind: 'sqlite', file }).catch((e: unknown) => e);
  expect((failure as Error).message).toContain(`Cannot open the database (SQLite file ${file})`);
});

test('an unreachable PostgreSQL is named by host and database, without its password', async () => {
  const failure = await openStore({ kind: 'postgres', url: 'postgres://user:s3cret@127.0.0.1:9/books' }).catch((e: unknown) => e);
  expect((failure as Error).message).toContain('Cannot open the database (PostgreSQL 127.0.0.1:9/books)');
  expect((failure as Error).message).not.toContain('s3cret');
});
