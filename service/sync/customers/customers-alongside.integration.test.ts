import type { Kysely } from 'kysely';
import type { BusinessCentralClient } from '../../clients/business-central/business-central-client';
import type { Database } from '../../store/database';
import { describeEachStore } from '../../store/testing/test-stores';
import { syncAppointments } from '../appointments';
import { syncServices } from '../services';
import type { SyncContext } from '../sync-context';
import { startSyncHarness, type SyncHarness } from '../testing/sync-harness';
import { readCustomersListedAt } from './customer-checkpoint';
import { syncCustomers } from './sync-customers';

/** Business Central with its `$batch` requests that create customers held until `release`. */
function heldBatches(bc: BusinessCentralClient): { bc: BusinessCentralClient; release(): void; held(): number } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  const proxy = new Proxy(bc, {
    get(target, property, receiver) {
      if (property === 'batch') {
        return async (...args: Parameters<BusinessCentralClient['batch']>) => {
          if (args[0].some((operation) => operation.method === 'POST' && operation.path.startsWith('customers'))) {
            held += 1;
            await gate;
          }
          return target.batch(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { bc: proxy, release, held: () => held };
}

/** Each Bookings customer's link: linked to which Business Central customer number, or skipped. */
async function links(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('customer_links')
    .select(['bookings_customer_id', 'bc_customer_number', 'created_by_us'])
    .orderBy('bookings_customer_id')
    .execute();
  return rows.map((r) => `${r.bookings_customer_id}|${r.bc_customer_number ?? '-'}|${r.created_by_us}`);
}

describeEachStore('the customer phase creates in Business Central beside the later phases', (_getStore, suite) => {
  const harnesses: SyncHarness[] = [];
  afterAll(() => Promise.all(harnesses.map((h) => h.close())));
  const start = async () => {
    const db = (await suite.freshTarget().open()).db;
    const h = await startSyncHarness();
    harnesses.push(h);
    return { db, h };
  };

  it('hands its creates on: appointments sync while they are held, and the customers are linked and listed once they and what follows are done', async () => {
    // The same first sync with every step awaited in turn.
    const inline = await start();
    for (const phase of [syncServices, syncCustomers, syncAppointments]) await phase(inline.h.context(inline.db));
    const expected = await links(inline.db);
    expect(expected.some((l) => l.endsWith('|1'))).toBe(true);

    const { db, h } = await start();
    const base = h.context(db);
    const gate = heldBatches(base.bc);
    const beside: Array<{ work: Promise<void>; then: () => Promise<void> }> = [];
    const ctx: SyncContext = { ...base, bc: gate.bc, alongside: (work, then) => void beside.push({ work, then }) };
    await syncServices(ctx);
    await syncCustomers(ctx);
    // The phase returned with its first creates sent and unanswered.
    expect(beside).toHaveLength(1);
    expect(gate.held()).toBeGreaterThan(0);
    expect((await links(db)).filter((l) => l.endsWith('|1'))).toEqual([]);

    await syncAppointments(ctx);
    const appointments = await db.selectFrom('appointments').select('id').execute();
    expect(appointments.length).toBeGreaterThan(0);
    // Not listed yet: a run that died now leaves the next one to list and create again.
    expect(await readCustomersListedAt(db, base.businessId)).toBeNull();

    gate.release();
    await beside[0]!.work;
    expect(await links(db)).toEqual(expected);
    expect(await readCustomersListedAt(db, base.businessId)).toBeNull();
    await beside[0]!.then();
    expect(await readCustomersListedAt(db, base.businessId)).not.toBeNull();
  });
});
