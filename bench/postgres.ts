import pg from 'pg';

/** Where the PostgreSQL benchmarks connect: `BENCH_DATABASE_URL`, else `TEST_DATABASE_URL`, else a local default. */
export const POSTGRES_URL = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Why PostgreSQL cannot be reached, or undefined when it can. */
export async function postgresProblem(url: string = POSTGRES_URL): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
