import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/database';
import { LeaseLostError, LeaseStore, type HeldLease } from '../../store/leases';
import type { Clock } from '../../domain/clock';
import { toIsoUtc } from '../../store/columns';

/** Long enough for a few batches of creates; renewed before each batch. */
export const CUSTOMER_CREATE_LEASE_MS = 5 * 60_000;

/** Waits between tries while another run creates customers: short at first, then at most 1 s. */
const WAIT_MS = [25, 50, 100, 200, 400, 800, 1_000];
/** Past this the caller gives up (the invoices fail and can be retried) rather than wait on a stuck holder. */
const MAX_WAIT_MS = 6 * 60_000;

export class CustomerLeaseTimeoutError extends Error {
  constructor() {
    super('Another run kept creating Business Central customers for too long');
    this.name = 'CustomerLeaseTimeoutError';
  }
}

const leaseName = (businessId: string) => `bc-customers-create:${businessId}`;

/**
 * The create lease's fencing token now (0 before anyone took it), or undefined while someone holds
 * it (a creator at work). Every acquisition raises the token by one, so a creator that read it
 * before looking customers up and then gets the lease under the next token knows that nobody
 * created customers meanwhile: its look-up is still current.
 */
export async function customerCreateToken(db: Kysely<Database>, clock: Clock, businessId: string): Promise<number | undefined> {
  const row = await db.selectFrom('leases').select(['token', 'expires_at']).where('name', '=', leaseName(businessId)).executeTakeFirst();
  if (row === undefined) return 0;
  return row.expires_at > toIsoUtc(clock()) ? undefined : Number(row.token);
}

/** What the work under the lease gets: `renew` before each batch, and whether another creator held the lease since `customerCreateToken` said `seen`. */
export interface CustomerCreateLease {
  renew: () => Promise<void>;
  createdByOthersSince: (seen: number | undefined) => boolean;
}

/**
 * Creating Business Central customers is exactly once per email and business: the look-up that
 * decides what to create and the creation run under one lease per business, across runs and
 * processes (a database row both SQLite and PostgreSQL decide with one upsert). Whoever comes
 * second looks again under the lease and finds what the first created.
 */
export async function withCustomerCreateLease<T>(
  db: Kysely<Database>,
  clock: Clock,
  businessId: string,
  work: (lease: CustomerCreateLease) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  // Lease expiry is measured on the app's clock, as every other lease is.
  const leases = new LeaseStore(db, clock);
  const name = leaseName(businessId);
  const holder = `ensure-bc-customers:${randomUUID()}`;
  let waited = 0;
  let lease: HeldLease | undefined;
  for (let attempt = 0; (lease = await leases.acquire(name, holder, CUSTOMER_CREATE_LEASE_MS)) === undefined; attempt++) {
    if (waited >= MAX_WAIT_MS) throw new CustomerLeaseTimeoutError();
    const delay = WAIT_MS[Math.min(attempt, WAIT_MS.length - 1)]!;
    await sleep(delay, undefined, signal === undefined ? {} : { signal });
    waited += delay;
  }
  const held = lease;
  try {
    return await work({
      renew: async () => {
        // A new token means the lease ran out before this renewal: another run may be creating the
        // same customers, so this one stops before its next batch rather than create them twice.
        const renewed = await leases.acquire(name, holder, CUSTOMER_CREATE_LEASE_MS);
        if (renewed?.token !== held.token) throw new LeaseLostError(held);
      },
      createdByOthersSince: (seen) => seen === undefined || held.token !== seen + 1,
    });
  } finally {
    await leases.release(name, holder);
  }
}
