import type { Kysely, Transaction } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from './database';

const codeOf = (err: unknown): string | undefined => {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
};

/** PostgreSQL chose this transaction as a deadlock victim (40P01) or refused it for a serialization conflict (40001); SQLite was busy. */
export const isTransientConflict = (err: unknown): boolean => ['40P01', '40001', 'SQLITE_BUSY'].includes(codeOf(err) ?? '');

const ATTEMPTS = 5;

/**
 * A transaction that loses a deadlock or serialization conflict is rolled back whole, so running
 * it again is safe: up to 5 attempts, with a short growing pause so the winner can finish. Writers
 * should still take keys in a stable order; this covers what ordering cannot (foreign keys, indexes).
 */
export async function transactionWithRetry<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (err) {
      if (!isTransientConflict(err) || attempt >= ATTEMPTS) throw err;
      await sleep(10 * 2 ** attempt);
    }
  }
}
