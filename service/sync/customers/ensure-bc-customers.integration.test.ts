import { customer as bcCustomer } from '../../../sandbox/bc/test-fixtures';
import { describeEachStore } from '../../store/testing/test-stores';
import { startSyncHarness, type SyncHarness } from '../testing/sync-harness';
import { ensureBcCustomers } from './ensure-bc-customers';
import { SKIP_REASONS } from './skip-reasons';
import { recordingBcClient } from './testing/recording-bc-client';

const EXISTING_ID = '0e000000-0000-4000-8000-0000000000e1';

describeEachStore('ensureBcCustomers against the Business Central emulator', (getStore) => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness({
      bcSettings: { pageSize: 5 },
      editSeed: (data) => {
        data.bc.companies[0]!.customers.push(bcCustomer(EXISTING_ID, 'C95000', 'Firma A/S', { type: 'Company', email: 'info@firma.dk;Bogholderi@Firma.dk' }));
      },
    });
  });
  afterAll(() => h.close());

  const deps = (bc = h.bcClient) => ({ db: getStore().db, bc, businessId: h.businessId.toLowerCase(), setup: h.setup });
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
    const links = await getStore().db.selectFrom('customer_links').selectAll().where('bookings_customer_id', 'in', ['b-firma', 'b-new-1', 'b-new-2']).orderBy('bookings_customer_id').execute();
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
});
