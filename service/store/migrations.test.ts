import { migrations } from './migrations';
import { sql } from 'kysely';
import { TABLES } from './database';
import { isForeignKeyViolation } from './errors';
import { describeEachStore } from './testing/test-stores';
import type { AppStore } from './open-store';

/** The tables of the store's own schema (other suites' schemas share the PostgreSQL database). */
async function tableNames(store: AppStore): Promise<string[]> {
  const own = store.kind === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)).rows[0]?.schema : undefined;
  const tables = await store.db.introspection.getTables();
  return tables
    .filter((t) => t.schema === own)
    .map((t) => t.name)
    .sort();
}

async function appliedMigrations(store: AppStore): Promise<string[]> {
  const result = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
  return result.rows.map((r) => r.name);
}

describeEachStore('migrations', (getStore, suite) => {
  it('create every table', async () => {
    expect(await tableNames(getStore())).toEqual(expect.arrayContaining([...TABLES]));
  });

  it('are idempotent: opening the same database again applies nothing and keeps the data', async () => {
    const at = '2026-01-01T00:00:00.000Z';
    await getStore().db.insertInto('leases').values({ name: 'kept', holder: 'a', expires_at: at, acquired_at: at }).execute();
    const again = await suite.reopen();
    expect(await appliedMigrations(again)).toEqual(await appliedMigrations(getStore()));
    expect(await appliedMigrations(again)).toEqual(Object.keys(migrations).sort());
    const kept = await again.db.selectFrom('leases').select('holder').where('name', '=', 'kept').executeTakeFirst();
    expect(kept?.holder).toBe('a');
  });

  it('enforce foreign keys', async () => {
    const now = '2026-01-01T00:00:00.000Z';
    const orphan = getStore()
      .db.insertInto('invoices')
      .values({
        id: 'orphan',
        run_id: 'no-such-run',
        business_id: 'b',
        bc_customer_id: null,
        external_document_number: 'ORPHAN',
        bc_invoice_id: null,
        bc_number: null,
        posted_number: null,
        status: 'planned',
        amount_minor: 1,
        currency: 'DKK',
        appointment_ids: '[]',
        error: null,
        created_at: now,
        updated_at: now,
      })
      .execute()
      .catch((e: unknown) => e);
    expect(isForeignKeyViolation(await orphan)).toBe(true);
  });

  if (suite.kind === 'postgres')
    it('succeed when two processes open one new schema at once', async () => {
      const target = suite.freshTarget();
      const [a, b] = await Promise.all([target.open(), target.open()]);
      expect(await tableNames(a)).toEqual(expect.arrayContaining([...TABLES]));
      expect(await appliedMigrations(b)).toEqual(Object.keys(migrations).sort());
    });

  if (suite.kind === 'sqlite')
    it('open SQLite in WAL mode with a busy timeout and foreign keys on', async () => {
      const pragma = async (name: string) => (await sql.raw(`pragma ${name}`).execute(getStore().db)).rows[0];
      expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
      expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
      expect(await pragma('busy_timeout')).toEqual({ timeout: 5000 });
    });
});
