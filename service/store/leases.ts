import type { Kysely } from 'kysely';
import { toIsoUtc } from './columns';
import type { Database } from './database';
import { systemClock, type Clock } from '../domain/clock';

export type { Clock };

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
    const at = toIsoUtc(now);
    const expiresAt = toIsoUtc(new Date(now.getTime() + ttlMs));
    const won = await this.db
      .insertInto('leases')
      .values({ name, holder, expires_at: expiresAt, acquired_at: at })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet((eb) => ({
            holder: eb.ref('excluded.holder'),
            expires_at: eb.ref('excluded.expires_at'),
            // A renewal keeps the time the holder first took the lease.
            acquired_at: eb
              .case()
              .when('leases.holder', '=', eb.ref('excluded.holder'))
              .then(eb.ref('leases.acquired_at'))
              .else(eb.ref('excluded.acquired_at'))
              .end(),
          }))
          .where((eb) => eb.or([eb('leases.expires_at', '<=', at), eb('leases.holder', '=', eb.ref('excluded.holder'))])),
      )
      .returning('name')
      .executeTakeFirst();
    return won !== undefined;
  }

  /** Gives the lease up if `holder` has it; true when it did. */
  async release(name: string, holder: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('leases')
      .where('name', '=', name)
      .where('holder', '=', holder)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** The holder of an unexpired lease, or undefined when anyone may take it. */
  async holderOf(name: string, now: Date = this.clock()): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('leases')
      .select('holder')
      .where('name', '=', name)
      .where('expires_at', '>', toIsoUtc(now))
      .executeTakeFirst();
    return row?.holder;
  }
}
