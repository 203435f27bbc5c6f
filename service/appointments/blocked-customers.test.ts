import { describeEachStore } from '../store/testing/test-stores';
import type { AppointmentRecord } from './appointment-record';
import { AppointmentRepository } from './appointment-repository';
import { recountCustomersBlocked } from './blocked-customers';

const BUSINESS = 'clinic@example.com';
const NOW = new Date('2026-03-18T10:00:00Z');

const record = (id: string, customerIds: readonly string[]): AppointmentRecord => ({
  id,
  businessId: BUSINESS,
  start: new Date(Date.UTC(2026, 2, 10, 9)),
  end: new Date(Date.UTC(2026, 2, 10, 10)),
  durationMinutes: 60,
  serviceId: 's1',
  serviceName: 'Massage',
  staffMemberIds: ['st1'],
  attendees: customerIds.map((customerId) => ({ customerId, name: customerId, email: `${customerId.length}@example.com`, timeZone: null })),
  priceMinor: 49_500,
  currency: 'DKK',
  priceType: 'fixedPrice',
  graphLastUpdated: null,
});

describeEachStore('customers blocked in Business Central, counted onto appointments', (getStore) => {
  const db = () => getStore().db;
  const setBlocked = async (bookingsCustomerId: string, blocked: 0 | 1) => {
    await db()
      .insertInto('customer_links')
      .values({
        business_id: BUSINESS,
        bookings_customer_id: bookingsCustomerId,
        bc_customer_id: `bc-${bookingsCustomerId}`,
        bc_customer_number: null,
        linked_at: null,
        created_by_us: 0,
        skip_reason: null,
        bc_blocked: blocked,
        note: null,
      })
      .onConflict((oc) => oc.columns(['business_id', 'bookings_customer_id']).doUpdateSet({ bc_blocked: blocked }))
      .execute();
  };
  const counts = async () =>
    Object.fromEntries(
      (await db().selectFrom('appointments').select(['id', 'customers_blocked']).orderBy('id').execute()).map((r) => [r.id, r.customers_blocked]),
    );

  it('counts blocked attendees at upsert, and recounts exactly the appointments of customers whose flag changed', async () => {
    await setBlocked('a_b', 1);
    // Ids a LIKE wildcard or a prefix would confuse with 'a_b' or '100%'.
    await new AppointmentRepository(db()).upsertFromBookings(
      [record('x1', ['a_b', 'c']), record('x2', ['axb']), record('x3', ['a_bc']), record('x4', ['100%', 'a_b']), record('x5', ['1000'])],
      { syncRunId: 'r1', now: NOW },
    );
    expect(await counts()).toEqual({ x1: 1, x2: 0, x3: 0, x4: 1, x5: 0 });

    await setBlocked('100%', 1);
    expect(await recountCustomersBlocked(db(), BUSINESS, ['100%'])).toBe(1);
    expect(await counts()).toEqual({ x1: 1, x2: 0, x3: 0, x4: 2, x5: 0 });

    await setBlocked('a_b', 0);
    expect(await recountCustomersBlocked(db(), BUSINESS, ['a_b'])).toBe(2);
    expect(await counts()).toEqual({ x1: 0, x2: 0, x3: 0, x4: 1, x5: 0 });

    // A changed appointment is recounted from the links as they are now.
    await new AppointmentRepository(db()).upsertFromBookings([record('x2', ['axb', '100%'])], { syncRunId: 'r2', now: NOW });
    expect((await counts())['x2']).toBe(1);
  });
});
