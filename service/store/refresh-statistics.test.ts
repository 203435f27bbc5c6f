import { sql } from 'kysely';
import { silentLogger } from '../logging/logger';
import { BULK_WRITTEN_TABLES, refreshStatistics, STATISTICS_REFRESH_ROWS } from './refresh-statistics';
import { describeEachStore } from './testing/test-stores';

describeEachStore('planner statistics after a bulk write', (getStore, suite) => {
  // PostgreSQL: -1 until a table is first analysed (each of appointments and the tables its triggers
  // keep); SQLite: whether any statistics table exists.
  async function analysed(): Promise<boolean> {
    const { db } = getStore();
    if (suite.kind === 'postgres') {
      const { rows } = await sql<{ reltuples: number }>`select reltuples from pg_class where oid in (${sql.join(
        BULK_WRITTEN_TABLES.map((t) => sql`${t}::regclass`),
      )})`.execute(db);
      if (rows.length !== BULK_WRITTEN_TABLES.length) throw new Error(`found ${rows.length} of the tables`);
      return rows.every((r) => Number(r.reltuples) >= 0);
    }
    const { rows } = await sql<{ name: string }>`select name from sqlite_master where name like 'sqlite_stat%'`.execute(db);
    return rows.length > 0;
  }

  it('leaves the statistics alone after a small write', async () => {
    await refreshStatistics(getStore().db, STATISTICS_REFRESH_ROWS - 1, silentLogger);
    expect(await analysed()).toBe(false);
  });

  it('refreshes them on PostgreSQL after a bulk write, and leaves SQLite without statistics', async () => {
    await refreshStatistics(getStore().db, STATISTICS_REFRESH_ROWS, silentLogger);
    expect(await analysed()).toBe(suite.kind === 'postgres');
  });
});
