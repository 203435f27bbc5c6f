import { customer as bcCustomer } from '../../../sandbox/bc/test-fixtures';
import { describeEachStore } from '../../store/testing/test-stores';
import { startSyncHarness, type SyncHarness } from '../testing/sync-harness';
import { ensureBcCustomers } from './ensure-bc-customers';
import { AppointmentRepository } from '../appointments';
import { LINK_NOTES, SKIP_REASONS } from './skip-reasons';
import { recordingBcClient } from './testing/recording-bc-client';
import { withCustomerCreateLease } from './customer-create-lease';

const EXISTING_ID = '0e000000-0000-4000-8000-0000000000e1';
const BLOCKED_ID = '0e000000-0000-4000-8000-0000000000e2';
const LONG_EMAIL = `${'meget.lang.adresse.'.repeat(4)}@example.com`; // 88 characters

describeEachStore('ensureBcCustomers against the Business Central emulator', (getStore) => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness({
      bcSettings: { pageSize: 5 },
      editSeed: (data) => {
        data.bc.companies[0]!.customers.push(
          bcCustomer(EXISTING_ID, 'C95000', 'Firma A/S', { type: 'Company', email: 'info@firma.dk;Bogholderi@Firma.dk' }),
          bcCustomer(BLOCKED_ID, 'C95010', 'Spærret', { email: 'spaerret@example.com', blocked: 'Invoice' }),
        );
      },
    });
  });
  afterAll(() => h.close());

  const deps = (bc = h.bcClient) => ({ db: getStore().db, bc, businessId: h.businessId.toLowerCase(), setup: h.setup, clock: h.clock });
  const bcCount = () => h.bc.state.company(h.companyId)!.customers.length;

  it('links by any address, creates the rest once, and answers per normalized email', async () => {
    const before = bcCount();
    const result = await ensureBcCustomers(deps(), [
      { bookingsCustomerId: 'b-firma', name: 'Firma', email: ' BOGHOLDERI@firma.dk ' },
      { bookingsCustomerId: 'b-new-1', name: 'Ny Kunde', email: 'Ny.Kunde@example.com' },
      { bookingsCustomerId: 'b-new-2', name: 'Ny Kunde igen', email: 'ny.kunde@EXAMPLE.com' },
      // The same attendee again (a second appointment of hers): still one link row.
      { bookingsCustomerId: 'b-new-2', name: 'Ny Kunde igen', email: 'ny.kunde@example.com' },
      { name: 'Uden email', email: '  ' },
    ]);
    expect(result.get('bogholderi@firma.dk')).toEqual({ bcCustomerId: EXISTING_ID, bcCustomerNumber: 'C95000' });
    expect(result.get('')).toEqual({ error: SKIP_REASONS.noEmail });
    const created = result.get('ny.kunde@example.com');
    expect(created && 'bcCustomerId' in created).toBe(true);
    expect(bcCount()).toBe(before + 1);
    const links = await getStore()
      .db.selectFrom('customer_links')
      .selectAll()
      .where('bookings_customer_id', 'in', ['b-firma', 'b-new-1', 'b-new-2'])
      .orderBy('bookings_customer_id')
      .execute();
    expect(links.map((l) => [l.bookings_customer_id, l.bc_customer_id, l.created_by_us])).toEqual([
      ['b-firma', EXISTING_ID, 0],
      ['b-new-1', created && 'bcCustomerId' in created ? created.bcCustomerId : null, 1],
      ['b-new-2', created && 'bcCustomerId' in created ? created.bcCustomerId : null, 1],
    ]);
  });

  it('checks stored links by id only, without reading every customer or creating any', async () => {
    const before = bcCount();
    const recorder = recordingBcClient(h);
    const result = await ensureBcCustomers(deps(recorder.client), [
      { bookingsCustomerId: 'b-firma', name: 'Firma', email: 'bogholderi@firma.dk' },
      { bookingsCustomerId: 'b-new-1', name: 'Ny Kunde', email: 'ny.kunde@example.com' },
    ]);
    expect(result.get('bogholderi@firma.dk')).toEqual({ bcCustomerId: EXISTING_ID, bcCustomerNumber: 'C95000' });
    expect(bcCount()).toBe(before);
    expect(recorder.calls).toHaveLength(1);
    expect(recorder.calls[0]!.path).toContain(`$filter=(id eq ${EXISTING_ID}) or (id eq `);
  });

  it('reads every customer instead when checking that many links by id would take more requests than reading them', async () => {
    // 9 look-ups of 15 ids: one more than the check by id may take.
    const many = Array.from({ length: 9 * 15 }, (_, i) => ({ bookingsCustomerId: `b-many-${i}`, name: `Kunde ${i}`, email: `kunde.${i}@example.com` }));
    const first = await ensureBcCustomers(deps(), many);
    expect([...first.values()].every((outcome) => 'bcCustomerId' in outcome)).toBe(true);
    const before = bcCount();

    const recorder = recordingBcClient(h);
    const again = await ensureBcCustomers(deps(recorder.client), many);
    expect(again).toEqual(first);
    expect(bcCount()).toBe(before);
    // Every customer, page by page (5 to a page here), and no look-up by id.
    expect(recorder.calls.every((c) => c.method === 'GET' && !c.path.includes('$filter'))).toBe(true);
    expect(recorder.calls).toHaveLength(Math.ceil(before / 5));

    // One look-up's worth fewer: checked by id, 8 look-ups (each paged by the emulator's pages of 5).
    const fewer = recordingBcClient(h);
    await ensureBcCustomers(deps(fewer.client), many.slice(0, 8 * 15));
    expect(fewer.calls.every((c) => c.path.includes('$filter=(id eq '))).toBe(true);
    expect(new Set(fewer.calls.map((c) => c.path.replace(/&\$skiptoken=.*$/, ''))).size).toBe(8);
  });

  it('reads every customer once when it creates alone, and again under the lease when another run created customers since', async () => {
    const pages = () => Math.ceil(bcCount() / 5);
    const alone = recordingBcClient(h);
    const expected = pages();
    const made = await ensureBcCustomers(deps(alone.client), [{ bookingsCustomerId: 'b-alone', name: 'Alene', email: 'alene@example.com' }]);
    expect(made.get('alene@example.com')).toMatchObject({ bcCustomerId: expect.any(String) });
    const reads = (calls: typeof alone.calls) => calls.filter((c) => c.method === 'GET');
    expect(reads(alone.calls)).toHaveLength(expected);
    expect(alone.calls.filter((c) => c.path === '/$batch')).toHaveLength(1);

    // Another run takes the lease, creates the same customer and lets go, once this one has read its last page.
    const OTHER_ID = '0e000000-0000-4000-8000-0000000000e3';
    const last = pages();
    let read = 0;
    const raced = recordingBcClient(h, async (call) => {
      if (call.method !== 'GET' || ++read !== last) return;
      await withCustomerCreateLease(getStore().db, h.clock, h.businessId.toLowerCase(), async () => {
        h.bc.state.company(h.companyId)!.customers.push(bcCustomer(OTHER_ID, 'C95020', 'Samtidig', { email: 'samtidig@example.com' }));
      });
    });
    const before = bcCount();
    const found = await ensureBcCustomers(deps(raced.client), [{ bookingsCustomerId: 'b-samtidig', name: 'Samtidig', email: 'samtidig@example.com' }]);
    expect(found.get('samtidig@example.com')).toEqual({ bcCustomerId: OTHER_ID, bcCustomerNumber: 'C95020' });
    // The other run's customer, and none of this one's.
    expect(bcCount()).toBe(before + 1);
    expect(reads(raced.calls)).toHaveLength(last + pages());
    expect(raced.calls.some((c) => c.path === '/$batch')).toBe(false);
  });

  it('records a blocked customer on its links and recounts their appointments, still answering it', async () => {
    const businessId = h.businessId.toLowerCase();
    await new AppointmentRepository(getStore().db).upsertFromBookings(
      [
        {
          id: 'appt-blocked',
          businessId,
          start: new Date('2026-03-10T09:00:00Z'),
          end: new Date('2026-03-10T10:00:00Z'),
          durationMinutes: 60,
          serviceId: 's1',
          serviceName: 'Massage',
          staffMemberIds: [],
          attendees: [{ customerId: 'b-blocked', name: 'Spærret', email: 'spaerret@example.com', timeZone: null }],
          priceMinor: 100,
          currency: 'DKK',
          priceType: 'fixedPrice',
          graphLastUpdated: null,
        },
      ],
      { syncRunId: 'r1', now: h.clock() },
    );
    const result = await ensureBcCustomers(deps(), [{ bookingsCustomerId: 'b-blocked', name: 'Spærret', email: 'spaerret@example.com' }]);
    expect(result.get('spaerret@example.com')).toEqual({ bcCustomerId: BLOCKED_ID, bcCustomerNumber: 'C95010' });
    const link = await getStore().db.selectFrom('customer_links').selectAll().where('bookings_customer_id', '=', 'b-blocked').executeTakeFirstOrThrow();
    expect(link).toMatchObject({ bc_customer_id: BLOCKED_ID, bc_blocked: 1 });
    const row = await getStore().db.selectFrom('appointments').select('customers_blocked').where('id', '=', 'appt-blocked').executeTakeFirstOrThrow();
    expect(row.customers_blocked).toBe(1);
  });

  it('creates a customer whose email is too long for Business Central without it, finds it again by the link, and refuses one it could not link', async () => {
    const before = bcCount();
    const first = await ensureBcCustomers(deps(), [{ bookingsCustomerId: 'b-long', name: 'Lang Adresse', email: LONG_EMAIL }]);
    const created = first.get(LONG_EMAIL);
    if (!created || 'error' in created) throw new Error(`not created: ${JSON.stringify(created)}`);
    expect(h.bc.state.company(h.companyId)!.customers.find((c) => c.id === created.bcCustomerId)).toMatchObject({ displayName: 'Lang Adresse', email: '' });
    const link = await getStore().db.selectFrom('customer_links').selectAll().where('bookings_customer_id', '=', 'b-long').executeTakeFirstOrThrow();
    expect(link).toMatchObject({ bc_customer_id: created.bcCustomerId, created_by_us: 1, note: LINK_NOTES.createdWithoutEmail });

    expect((await ensureBcCustomers(deps(), [{ bookingsCustomerId: 'b-long', name: 'Lang Adresse', email: LONG_EMAIL }])).get(LONG_EMAIL)).toEqual(created);
    expect((await ensureBcCustomers(deps(), [{ name: 'Uden link', email: `x${LONG_EMAIL}` }])).get(`x${LONG_EMAIL}`)).toEqual({
      error: SKIP_REASONS.emailTooLong,
    });
    expect(bcCount()).toBe(before + 1);
  });
});
