import { sql } from 'kysely';
import { describeEachStore } from './testing/test-stores';

describeEachStore('the store while a sync writes', (getStore, suite) => {
  /** SQLite's page cache limit in KiB (the pragma gives it negated); undefined on PostgreSQL. */
  async function cacheKib(): Promise<number | undefined> {
    if (suite.kind !== 'sqlite') return undefined;
    const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(getStore().db);
    return -Number(rows[0]?.cache_size);
  }

  it('gives SQLite a larger page cache while any bulk work runs, and takes it back after the last one ends', async () => {
    const store = getStore();
    const outside = await cacheKib();
    const seen: Array<number | undefined> = [];
    let releaseFirst = () => undefined as void;
    const firstMayEnd = new Promise<void>((resolve) => (releaseFirst = resolve));
    const first = store.whileBulkWriting(async () => {
      seen.push(await cacheKib());
      await firstMayEnd;
      seen.push(await cacheKib());
      return 'first';
    });
    // The second ends while the first still runs: the cache stays raised for the first.
    await expect(store.whileBulkWriting(async () => 'second')).resolves.toBe('second');
    seen.push(await cacheKib());
    releaseFirst();
    await expect(first).resolves.toBe('first');
    const after = await cacheKib();
    if (suite.kind === 'sqlite') {
      expect(outside).toBe(8_192);
      expect(seen).toEqual([32_768, 32_768, 32_768]);
      expect(after).toBe(outside);
    } else {
      expect([outside, ...seen, after].every((v) => v === undefined)).toBe(true);
    }
  });

  it('takes the cache back when the work fails, and passes the failure on', async () => {
    const store = getStore();
    await expect(
      store.whileBulkWriting(async () => {
        throw new Error('sync failed');
      }),
    ).rejects.toThrow('sync failed');
    if (suite.kind === 'sqlite') expect(await cacheKib()).toBe(8_192);
  });
});
