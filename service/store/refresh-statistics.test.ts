import { sql } from 'kysely';
import { silentLogger } from '../logging/logger';
import { APPOINTMENT_TABLES, CUSTOMER_TABLES, refreshStatistics, STATISTICS_REFRESH_ROWS } from './refresh-statistics';
import { describeEachStore } from './testing/test-stores';

describeEachStore('planner statistics after a bulk write', (getStore, suite) => {
  // PostgreSQL: -1 until a table is first analysed; SQLite: whether any statistics table exists.
  async function analysed(tables: readonly string[]): Promise<boolean> {
    const { db } = getStore();
    if (suite.kind === 'postgres') {
      const { rows } = await sql<{ reltuples: number }>`select reltuples from pg_class where oid in (${sql.join(
        tables.map((t) => sql`${t}::regclass`),
      )})`.execute(db);
      if (rows.length !== tables.length) throw new Error(`found ${rows.length} of the tables`);
      return rows.every((r) => Number(r.reltuples) >= 0);
    }
    const { rows } = await sql<{ name: string }>`select name from sqlite_master where name like 'sqlite_stat%'`.execute(db);
    return rows.length > 0;
  }

  it('leaves the statistics alone after a small write', async () => {
    await refreshStatistics(getStore().db, APPOINTMENT_TABLES, STATISTICS_REFRESH_ROWS - 1, silentLogger);
    expect(await analysed(APPOINTMENT_TABLES)).toBe(false);
  });

  it('refreshes the tables it is given on PostgreSQL after a bulk write, and leaves SQLite without statistics', async () => {
    await refreshStatistics(getStore().db, CUSTOMER_TABLES, STATISTICS_REFRESH_ROWS, silentLogger);
    expect(await analysed(CUSTOMER_TABLES)).toBe(suite.kind === 'postgres');
    expect(await analysed(APPOINTMENT_TABLES)).toBe(false);
    await refreshStatistics(getStore().db, APPOINTMENT_TABLES, STATISTICS_REFRESH_ROWS, silentLogger);
    expect(await analysed(APPOINTMENT_TABLES)).toBe(suite.kind === 'postgres');
  });
});
