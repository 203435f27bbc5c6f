import type { Kysely, Transaction } from 'kysely';
import { toIsoUtc } from './columns';
import type { Database } from './database';
import { systemClock, type Clock } from '../domain/clock';

export type { Clock };

/** A lease as its holder took it: the token fences every commit it makes as holder. */
export interface HeldLease {
  name: string;
  holder: string;
  token: number;
}

/** The holder's lease went to another process (or expired and was taken again) since it took it. */
export class LeaseLostError extends Error {
  constructor(readonly lease: HeldLease) {
    super(`Lease ${lease.name} is no longer held by ${lease.holder} under token ${lease.token}`);
    this.name = 'LeaseLostError';
  }
}

/** A released lease expires at the epoch: free for anyone, its row (and token) kept. */
const RELEASED = '1970-01-01T00:00:00.000Z';

/**
 * Named, expiring leases: with several processes, periodic work runs where the lease is held.
 * Each process compares with its own clock, so ttl should dwarf the expected clock skew.
 */
export class LeaseStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Takes the lease when it is free or expired, or renews it when `holder` already has it.
   * One upsert decides: the conflicting row is updated only under the where clause, which
   * both databases evaluate against the latest committed row, so concurrent callers get one winner.
   */
  async tryAcquire(name: string, holder: string, ttlMs: number, now: Date = this.clock()): Promise<boolean> {
    return (await this.acquire(name, holder, ttlMs, now)) !== undefined;
  }

  /**
   * As tryAcquire, and says with which fencing token: a renewal of an unexpired lease keeps its token,
   * every other acquisition (another holder, or this one after its lease expired) raises it.
   */
  async acquire(name: string, holder: string, ttlMs: number, now: Date = this.clock()): Promise<HeldLease | undefined> {
    const at = toIsoUtc(now);
    const expiresAt = toIsoUtc(new Date(now.getTime() + ttlMs));
    const won = await this.db
      .insertInto('leases')
      .values({ name, holder, expires_at: expiresAt, acquired_at: at, token: 1 })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet((eb) => {
            const renewal = eb.and([eb('leases.holder', '=', eb.ref('excluded.holder')), eb('leases.expires_at', '>', at)]);
            return {
              holder: eb.ref('excluded.holder'),
              expires_at: eb.ref('excluded.expires_at'),
              // A renewal keeps the time the holder first took the lease, and its token.
              acquired_at: eb.case().when(renewal).then(eb.ref('leases.acquired_at')).else(eb.ref('excluded.acquired_at')).end(),
              token: eb
                .case()
                .when(renewal)
                .then(eb.ref('leases.token'))
                .else(eb('leases.token', '+', 1))
                .end(),
            };
          })
          .where((eb) => eb.or([eb('leases.expires_at', '<=', at), eb('leases.holder', '=', eb.ref('excluded.holder'))])),
      )
      .returning(['token'])
      .executeTakeFirst();
    return won === undefined ? undefined : { name, holder, token: Number(won.token) };
  }

  /**
   * Runs `work` in one transaction that commits only while `lease` is still the holder's under its
   * token: a holder that stalled past expiry while another process took the lease gets
   * LeaseLostError and nothing of `work` is kept. The check is a write to the lease row, so on
   * PostgreSQL it holds the row until commit (a concurrent acquire waits for it), and on SQLite it
   * takes the write lock.
   */
  async fenced<T>(lease: HeldLease, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const held = await trx
        .updateTable('leases')
        .set((eb) => ({ token: eb.ref('token') }))
        .where('name', '=', lease.name)
        .where('holder', '=', lease.holder)
        .where('token', '=', lease.token)
        .executeTakeFirst();
      if (held.numUpdatedRows === 0n) throw new LeaseLostError(lease);
      return work(trx);
    });
  }

  /** Gives the lease up if `holder` has it; true when it did. The row stays, expired, to keep its token. */
  async release(name: string, holder: string): Promise<boolean> {
    const result = await this.db
      .updateTable('leases')
      .set({ expires_at: RELEASED })
      .where('name', '=', name)
      .where('holder', '=', holder)
      .where('expires_at', '>', RELEASED)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** The holder of an unexpired lease, or undefined when anyone may take it. */
  async holderOf(name: string, now: Date = this.clock()): Promise<string | undefined> {
    const row = await this.db.selectFrom('leases').select('holder').where('name', '=', name).where('expires_at', '>', toIsoUtc(now)).executeTakeFirst();
    return row?.holder;
  }
}
