import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openStore, type AppStore } from '../service/store';
import type { BenchResult } from './benchmark';
import { postgresProblem, POSTGRES_URL } from './postgres';

export type StoreName = 'SQLite' | 'PostgreSQL';

/**
 * Runs `measure` on a fresh SQLite file and on a fresh PostgreSQL schema, each removed afterwards so a
 * benchmark never touches other data. An unreachable PostgreSQL gives a `skipped` row and a warning.
 */
export async function onEachStore(
  what: { title: string; unit: string },
  measure: (store: AppStore, name: StoreName) => Promise<BenchResult[]>,
): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-store-'));
  const results: BenchResult[] = [];
  const sqlite = await openStore({ kind: 'sqlite', file: path.join(dir, 'bench.db') });
  try {
    results.push(...(await measure(sqlite, 'SQLite')));
  } finally {
    await sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const problem = await postgresProblem();
  if (problem !== undefined) {
    process.stderr.write(`\n*** PostgreSQL at ${POSTGRES_URL} is unreachable (${problem}): the ${what.title} benchmark on it is SKIPPED. ***\n\n`);
    return [...results, { benchmark: `${what.title}, PostgreSQL`, figure: 'skipped', unit: what.unit, notes: `PostgreSQL unreachable at ${POSTGRES_URL}` }];
  }
  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const postgres = await openStore({ kind: 'postgres', url: POSTGRES_URL }, { schema });
  try {
    results.push(...(await measure(postgres, 'PostgreSQL')));
  } finally {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(postgres.db);
    await postgres.close();
  }
  return results;
}
