import type { Kysely } from 'kysely';
import type { Database } from '../../store/database';
import { describeEachStore } from '../../store/testing/test-stores';
import { syncAppointments } from '../appointments';
import type { SyncContext } from '../sync-context';
import { startSyncHarness, type SyncHarness } from '../testing/sync-harness';
import { createCustomerSync } from './sync-customers';

const HOUR_MS = 3_600_000;

describeEachStore('the customer phase with a refresh interval', (_getStore, suite) => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness();
  });
  afterAll(() => h.close());

  const requests = () => h.graph.stats().requestsServed + h.bc.stats().requests;
  // Between listings a run reads again, 20 numbers a request, the customers its links say are blocked (the seed blocks some).
  let db: Kysely<Database>;
  const rechecks = async () => {
    const { count } = await db
      .selectFrom('customer_links')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('bc_blocked', '=', 1)
      .executeTakeFirstOrThrow();
    return Math.ceil(Number(count) / 20);
  };

  it('lists again only when the listing is stale or an appointment written since names a customer not stored', async () => {
    db = (await suite.freshTarget().open()).db;
    const phase = createCustomerSync({ refreshMs: HOUR_MS });
    const bookingsCount = h.data.bookings.businesses[0]!.customers.length;
    expect((await phase(h.context(db))).added).toBe(bookingsCount);
    await syncAppointments(h.context(db));

    // Fresh, and every attendee of the appointments just written is stored: nothing is read.
    let before = requests();
    expect(await phase(h.context(db))).toEqual({ added: 0, updated: 0, unchanged: 0, removed: 0, rejected: 0 });
    expect(requests()).toBe(before + (await rechecks()));

    // The appointment phase stores an attendee we do not have (gone from customers here): listed again, and stored.
    const recent = new Date(h.now.getTime() - 86_400_000).toISOString();
    const row = await db
      .selectFrom('appointments')
      .selectAll()
      .where('customer_count', '>', 0)
      .where('start_utc', '>=', recent)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const attendee = (JSON.parse(row.customers) as { id: string }[])[0]!.id;
    await db.deleteFrom('customers').where('id', '=', attendee).execute();
    before = requests();
    expect(await phase(h.context(db))).toEqual({ added: 0, updated: 0, unchanged: 0, removed: 0, rejected: 0 });
    expect(requests()).toBe(before + (await rechecks()));
    await syncAppointments(h.context(db));
    before = requests();
    expect(await phase(h.context(db))).toMatchObject({ added: 1, unchanged: bookingsCount - 1 });
    expect(requests()).toBeGreaterThan(before);
    expect(await db.selectFrom('customers').select('id').where('id', '=', attendee).executeTakeFirst()).toEqual({ id: attendee });

    before = requests();
    await phase(h.context(db));
    expect(requests()).toBe(before + (await rechecks()));

    // Between listings, a customer the links say is blocked is read again by number: unblocked in Business Central, unblocked here.
    const [first, second] = await db
      .selectFrom('customer_links')
      .select(['bookings_customer_id', 'bc_customer_number'])
      .where('bc_customer_number', 'is not', null)
      .where('bc_blocked', '=', 0)
      .orderBy('bookings_customer_id')
      .limit(2)
      .execute();
    const bcCustomers = h.bc.state.company(h.companyId)!.customers;
    bcCustomers.find((c) => c.number === second!.bc_customer_number)!.blocked = 'Invoice';
    const pair = [first!.bookings_customer_id, second!.bookings_customer_id];
    await db.updateTable('customer_links').set({ bc_blocked: 1 }).where('bookings_customer_id', 'in', pair).execute();
    const expected = await rechecks();
    before = requests();
    expect(await phase(h.context(db))).toMatchObject({ updated: 1 });
    expect(requests()).toBe(before + expected);
    const flags = await db
      .selectFrom('customer_links')
      .select(['bookings_customer_id', 'bc_blocked'])
      .where('bookings_customer_id', 'in', pair)
      .orderBy('bookings_customer_id')
      .execute();
    expect(flags).toEqual([
      { bookings_customer_id: first!.bookings_customer_id, bc_blocked: 0 },
      { bookings_customer_id: second!.bookings_customer_id, bc_blocked: 1 },
    ]);
    await db.updateTable('customer_links').set({ bc_blocked: 0 }).where('bookings_customer_id', 'in', pair).execute();
    bcCustomers.find((c) => c.number === second!.bc_customer_number)!.blocked = ' ';
    before = requests();

    // An hour on, Business Central's side may have changed (a customer blocked or deleted): listed again.
    const later = () => new Date(h.clock().getTime() + HOUR_MS);
    expect(await phase(h.context(db, { clock: later }))).toMatchObject({ unchanged: bookingsCount });
    expect(requests()).toBeGreaterThan(before);
  });

  it('lists again after a run whose appointment phase stored someone its listing did not have, though that listing is recorded after it', async () => {
    db = (await suite.freshTarget().open()).db;
    const phase = createCustomerSync({ refreshMs: HOUR_MS });
    await phase(h.context(db));
    await syncAppointments(h.context(db));

    // Two hours on, a run as the sync job makes it: the listing is recorded once the later phases are done.
    const later = () => new Date(h.clock().getTime() + 2 * HOUR_MS);
    const recorded: Array<() => Promise<void>> = [];
    const run: SyncContext = {
      ...h.context(db, { clock: later }),
      alongside: (work, then) => void recorded.push(() => work.then(then)),
    };
    await phase(run);
    expect(recorded).toHaveLength(1);
    // Someone who booked after the list was read (gone from customers here) is on an appointment the run stores.
    const row = await db
      .selectFrom('appointments')
      .selectAll()
      .where('customer_count', '>', 0)
      .where('start_utc', '>=', new Date(h.now.getTime() - 86_400_000).toISOString())
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const attendee = (JSON.parse(row.customers) as { id: string }[])[0]!.id;
    await db.deleteFrom('customers').where('id', '=', attendee).execute();
    await syncAppointments(run);
    await recorded[0]!();

    // Within the hour of that listing, the next run lists again, and stores them.
    const before = requests();
    expect(await phase(h.context(db, { clock: later }))).toMatchObject({ added: 1 });
    expect(requests()).toBeGreaterThan(before);
    expect(await db.selectFrom('customers').select('id').where('id', '=', attendee).executeTakeFirst()).toEqual({ id: attendee });
  });
});
