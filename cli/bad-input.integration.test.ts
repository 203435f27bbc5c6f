import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Env } from '../service/config/env-files';
import { runCli } from './run-cli';

/* Bad input on the command line is a clear one-line error and exit code 2, before anything is called. */

let dir: string;
let env: Env;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-bad-input-'));
  env = {
    APP_ENV: 'cli-bad-input-test',
    DATABASE_URL: path.join(dir, 'data', 'bookings.db'),
    // Nothing listens here: a refused command must not need either service.
    GRAPH_BASE_URL: 'http://127.0.0.1:9/v1.0',
    BC_API_BASE_URL: 'http://127.0.0.1:9/api',
    BOOKINGS_BUSINESS_ID: 'clinic@contoso.onmicrosoft.com',
    AUTH_MODE: 'static',
    STATIC_ACCESS_TOKEN: 'token',
  };
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], overrides: Env = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    env: { ...env, ...overrides },
    rootDir: dir,
    now: () => new Date('2026-11-03T12:00:00Z'),
    io: { out: (t) => void (out += t), err: (t) => void (err += t), isTty: false, columns: 100 },
  });
  return { code, out, err };
}

test('invoice --period 0001-01-01..9999-12-31 says which years a period may reach, exit 2', async () => {
  const result = await cli(['invoice', '--period', '0001-01-01..9999-12-31', '--dry-run']);
  expect(result).toMatchObject({ code: 2, out: '' });
  expect(result.err).toBe('The period "0001-01-01..9999-12-31" reaches too far: use dates from 2000 to 2100\n');
});

test('a period longer than 10 years is refused in words, exit 2', async () => {
  const result = await cli(['invoice', '--period', '2001-01-01..2026-01-01', '--dry-run']);
  expect(result.code).toBe(2);
  expect(result.err).toMatch(/use a period of at most 10 years/);
});

test('APP_ENV that is a path is refused before any file is read, exit 2', async () => {
  const result = await cli(['unbilled'], { APP_ENV: '../../etc/passwd' });
  expect(result.code).toBe(2);
  expect(result.err).toMatch(/^Configuration error: APP_ENV must be an environment name such as dev, local or prod/);
});

test('a database file that cannot be opened is named', async () => {
  const file = path.join(dir, 'garbage.db');
  fs.writeFileSync(file, 'not a database '.repeat(200));
  const result = await cli(['unbilled'], { DATABASE_URL: file });
  expect(result.code).toBe(1);
  expect(result.err).toContain(`Cannot open the database (SQLite file ${file})`);
});
