import { describeEachStore } from '../../store/testing/test-stores';
import { syncAppointments } from '../appointments';
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

  it('lists again only when the listing is stale or an appointment written since names a customer not stored', async () => {
    const db = (await suite.freshTarget().open()).db;
    const phase = createCustomerSync({ refreshMs: HOUR_MS });
    const bookingsCount = h.data.bookings.businesses[0]!.customers.length;
    expect((await phase(h.context(db))).added).toBe(bookingsCount);
    await syncAppointments(h.context(db));

    // Fresh, and every attendee of the appointments just written is stored: nothing is read.
    let before = requests();
    expect(await phase(h.context(db))).toEqual({ added: 0, updated: 0, unchanged: 0, removed: 0, rejected: 0 });
    expect(requests()).toBe(before);

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
    expect(requests()).toBe(before);
    await syncAppointments(h.context(db));
    before = requests();
    expect(await phase(h.context(db))).toMatchObject({ added: 1, unchanged: bookingsCount - 1 });
    expect(requests()).toBeGreaterThan(before);
    expect(await db.selectFrom('customers').select('id').where('id', '=', attendee).executeTakeFirst()).toEqual({ id: attendee });

    before = requests();
    await phase(h.context(db));
    expect(requests()).toBe(before);

    // A sync a person asked for lists even when fresh: what they just changed in Business Central is seen.
    expect(await phase({ ...h.context(db), askedByPerson: true })).toMatchObject({ unchanged: bookingsCount });
    expect(requests()).toBeGreaterThan(before);
    before = requests();

    // An hour on, Business Central's side may have changed (a customer blocked or deleted): listed again.
    const later = () => new Date(h.clock().getTime() + HOUR_MS);
    expect(await phase(h.context(db, { clock: later }))).toMatchObject({ unchanged: bookingsCount });
    expect(requests()).toBeGreaterThan(before);
  });
});
