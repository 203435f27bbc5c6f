import { sql } from 'kysely';
import { customer as bcCustomer } from '../../../sandbox/bc/test-fixtures';
import type { BookingCustomer } from '../../../sandbox/graph/types';
import type { SandboxData } from '../../../sandbox/seed';
import type { AppStore } from '../../store';
import { describeEachStore } from '../../store/testing/test-stores';
import { startSyncHarness, type SyncHarness } from '../testing/sync-harness';
import { LINK_NOTES, SKIP_REASONS } from './skip-reasons';
import { syncCustomers } from './sync-customers';
import { recordingBcClient } from './testing/recording-bc-client';

const LONG_NAME = `Anna ${'Lang'.repeat(30)} Navn`; // 125 characters
const EXTRA: ReadonlyArray<Pick<BookingCustomer, 'id' | 'displayName' | 'emailAddress'>> = [
  { id: 'extra-case-person', displayName: 'Case Person', emailAddress: ' Case.Person@Example.com ' },
  { id: 'extra-company-second', displayName: 'Kiosken', emailAddress: 'ORDRE@kiosken.dk' },
  { id: 'extra-long-name', displayName: LONG_NAME, emailAddress: 'anna.lang@example.com' },
  { id: 'extra-nul', displayName: 'Nul\u0000Tegn', emailAddress: 'nul.tegn@example.com' },
  { id: 'extra-markup', displayName: '<img src=x onerror=alert(1)> & "Co"', emailAddress: 'markup@example.com' },
];

function addFixtures(data: SandboxData): void {
  const business = data.bookings.businesses[0]!;
  for (const c of EXTRA) {
    business.customers.push({ ...c, addresses: [], phones: [], createdDateTime: '2024-01-01T00:00:00Z', lastUpdatedDateTime: '2024-01-01T00:00:00Z' });
  }
  const company = data.bc.companies[0]!;
  company.customers.push(
    bcCustomer('0e000000-0000-4000-8000-000000000001', 'C90010', 'Case Person (BC)', { email: 'case.person@example.com', type: 'Person' }),
    bcCustomer('0e000000-0000-4000-8000-000000000002', 'C90020', 'Kiosken ApS', { email: 'bogholderi@kiosken.dk; Ordre@Kiosken.dk', type: 'Company' }),
  );
}

const bookingsIdOf = (h: SyncHarness, name: string, email?: string): string => {
  const found = h.data.bookings.businesses[0]!.customers.find((c) => c.displayName === name && (email === undefined || c.emailAddress === email));
  if (!found) throw new Error(`no seeded customer ${name}`);
  return found.id;
};

async function linkOf(store: AppStore, h: SyncHarness, bookingsCustomerId: string) {
  return store.db
    .selectFrom('customer_links')
    .selectAll()
    .where('business_id', '=', h.businessId.toLowerCase())
    .where('bookings_customer_id', '=', bookingsCustomerId)
    .executeTakeFirstOrThrow();
}

const bcCustomers = (h: SyncHarness) => h.bc.state.company(h.companyId)!.customers;

/** What a sync produced, in terms that do not depend on generated ids. */
async function outcome(store: AppStore, h: SyncHarness) {
  const bc = new Map(bcCustomers(h).map((c) => [c.id, c]));
  const customers = await store.db.selectFrom('customers').select(['id', 'display_name', 'email', 'email_normalized']).orderBy('id').execute();
  const links = await store.db.selectFrom('customer_links').selectAll().orderBy('bookings_customer_id').execute();
  return {
    customers,
    links: links.map((l) => {
      const target = l.bc_customer_id ? bc.get(l.bc_customer_id) : undefined;
      return [l.bookings_customer_id, target ? `${target.displayName} <${target.email}>` : null, l.created_by_us, l.skip_reason];
    }),
    bc: bcCustomers(h)
      .map((c) => `${c.type} ${c.displayName} <${c.email}>`)
      .sort(),
  };
}

describeEachStore('syncCustomers against the emulators', (getStore, suite) => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness({ editSeed: addFixtures, bcSettings: { pageSize: 7 } });
  });
  afterAll(() => h.close());

  it('links by email, creates the rest through $batch, skips with reasons, and a second run changes nothing', async () => {
    const before = bcCustomers(h).length;
    const recorder = recordingBcClient(h);
    const report = await syncCustomers(h.context(getStore().db, { bc: recorder.client }));
    const bookingsCount = h.data.bookings.businesses[0]!.customers.length;
    expect(report).toMatchObject({ added: bookingsCount, updated: 0, unchanged: 0, rejected: 0 });

    // Matched case-insensitively, also a Company and a field listing two addresses.
    const casePerson = await linkOf(getStore(), h, 'extra-case-person');
    expect(casePerson).toMatchObject({
      bc_customer_id: '0e000000-0000-4000-8000-000000000001',
      bc_customer_number: 'C90010',
      created_by_us: 0,
      skip_reason: null,
    });
    expect(await linkOf(getStore(), h, 'extra-company-second')).toMatchObject({ bc_customer_id: '0e000000-0000-4000-8000-000000000002', created_by_us: 0 });
    const havnefront = bcCustomers(h).find((c) => c.displayName === 'Havnefront Logistik A/S')!;
    expect(havnefront.type).toBe('Company');
    expect(await linkOf(getStore(), h, bookingsIdOf(h, 'Havnefront Logistik A/S'))).toMatchObject({ bc_customer_id: havnefront.id, created_by_us: 0 });

    // Skipped with reasons: no email, a shared email (neither created).
    expect((await linkOf(getStore(), h, bookingsIdOf(h, 'Walk-in kunde'))).skip_reason).toBe(SKIP_REASONS.noEmail);
    for (const name of ['Karen Jørgensen', 'Karen Jorgensen']) {
      expect(await linkOf(getStore(), h, bookingsIdOf(h, name))).toMatchObject({ bc_customer_id: null, skip_reason: SKIP_REASONS.sharedEmail });
    }
    expect(bcCustomers(h).some((c) => c.email.toLowerCase().includes('karen.j@outlook.dk'))).toBe(false);

    // An email too long for BC's 80 characters: created without it, linked, and the link says so.
    const valdemar = await linkOf(getStore(), h, bookingsIdOf(h, 'Valdemar Lauritzen'));
    expect(valdemar).toMatchObject({ created_by_us: 1, skip_reason: null, bc_blocked: 0, note: LINK_NOTES.createdWithoutEmail });
    expect(bcCustomers(h).find((c) => c.id === valdemar.bc_customer_id)).toMatchObject({ displayName: 'Valdemar Lauritzen', email: '' });

    // Linked to a customer blocked for invoicing: the link records it; others are not blocked.
    expect(await linkOf(getStore(), h, bookingsIdOf(h, 'Bent Ravn'))).toMatchObject({ bc_customer_number: expect.any(String), bc_blocked: 1 });
    expect(await linkOf(getStore(), h, 'extra-case-person')).toMatchObject({ bc_blocked: 0, note: null });

    // Created from the template: a Person, the name cut to 100 in BC, full in our store; markup is text.
    const long = await linkOf(getStore(), h, 'extra-long-name');
    expect(long.created_by_us).toBe(1);
    const created = bcCustomers(h).find((c) => c.id === long.bc_customer_id)!;
    expect(created).toMatchObject({ displayName: LONG_NAME.slice(0, 100), type: 'Person', email: 'anna.lang@example.com' });
    const stored = await getStore()
      .db.selectFrom('customers')
      .selectAll()
      .where('id', 'in', ['extra-long-name', 'extra-nul', 'extra-markup', 'extra-case-person'])
      .orderBy('id')
      .execute();
    expect(stored.map((r) => [r.id, r.display_name, r.email, r.email_normalized])).toEqual([
      ['extra-case-person', 'Case Person', 'Case.Person@Example.com', 'case.person@example.com'],
      ['extra-long-name', LONG_NAME, 'anna.lang@example.com', 'anna.lang@example.com'],
      ['extra-markup', '<img src=x onerror=alert(1)> & "Co"', 'markup@example.com', 'markup@example.com'],
      ['extra-nul', 'NulTegn', 'nul.tegn@example.com', 'nul.tegn@example.com'],
    ]);
    const markup = await linkOf(getStore(), h, 'extra-markup');
    expect(bcCustomers(h).find((c) => c.id === markup.bc_customer_id)?.displayName).toBe('<img src=x onerror=alert(1)> & "Co"');

    // Read by paging (pageSize 7: several pages), never one GET per customer; created only through $batch.
    const created1 = bcCustomers(h).length - before;
    expect(created1).toBeGreaterThan(10);
    const gets = recorder.calls.filter((c) => c.method === 'GET');
    expect(gets.length).toBe(Math.ceil(before / 7));
    expect(gets.every((c) => /\/customers(\?|$)/.test(c.path))).toBe(true);
    expect(gets.some((c) => c.path.includes('$skiptoken'))).toBe(true);
    const posts = recorder.calls.filter((c) => c.method !== 'GET');
    expect(posts.every((c) => c.path === '/$batch')).toBe(true);
    expect(posts.flatMap((c) => c.operations).filter((o) => o.method === 'POST' && o.url.endsWith('/customers'))).toHaveLength(created1);
    expect(h.bc.stats().requests).toBe(recorder.calls.length);

    const second = await syncCustomers(h.context(getStore().db));
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: bookingsCount });
    expect(bcCustomers(h).length).toBe(before + created1);
  });

  it('never overwrites a linked customer in Business Central', async () => {
    const link = await linkOf(getStore(), h, 'extra-case-person');
    const target = bcCustomers(h).find((c) => c.id === link.bc_customer_id)!;
    target.displayName = 'Renamed in Business Central';
    target.email = 'someone.else@example.com';
    const recorder = recordingBcClient(h);
    await syncCustomers(h.context(getStore().db, { bc: recorder.client }));
    expect(target).toMatchObject({ displayName: 'Renamed in Business Central', email: 'someone.else@example.com' });
    expect(await linkOf(getStore(), h, 'extra-case-person')).toMatchObject({ bc_customer_id: link.bc_customer_id, linked_at: link.linked_at });
    expect(recorder.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('gives the same result under 20% injected faults in both emulators', async () => {
    // Enough customers for several pages on both sides and more than one $batch of creations.
    const seedScale = { customers: 200, staff: 2, daysBack: 20, daysAhead: 3 };
    const clean = await startSyncHarness({ seedScale, editSeed: addFixtures, bcSettings: { pageSize: 3 } });
    const faulty = await startSyncHarness({
      seedScale,
      editSeed: addFixtures,
      bcSettings: { pageSize: 3, faultSchedule: { onRequests: [1, 2, ...Array.from({ length: 60 }, (_, i) => 5 * (i + 2))] } },
      graphSettings: { faultSchedule: { onRequests: [1, 2, ...Array.from({ length: 60 }, (_, i) => 5 * (i + 2))] }, pageSize: 10 },
    });
    try {
      const cleanStore = await suite.freshTarget().open();
      const faultyStore = await suite.freshTarget().open();
      await syncCustomers(clean.context(cleanStore.db));
      await syncCustomers(faulty.context(faultyStore.db));
      // Every fifth request fails (the first two in a row), on schedule.
      expect(faulty.bc.stats().faults + faulty.graph.stats().faultsInjected).toBeGreaterThan(0);
      const expected = await outcome(cleanStore, clean);
      expect(expected.bc.length - clean.data.bc.companies[0]!.customers.length).toBeGreaterThan(100);
      expect(await outcome(faultyStore, faulty)).toEqual(expected);
    } finally {
      await Promise.all([clean.close(), faulty.close()]);
    }
  });
});

/** Bookings customers beyond the seed, each with its customer in Business Central (linked, none created). */
const MANY = 600;
function addManyMatched(data: SandboxData): void {
  const business = data.bookings.businesses[0]!;
  const company = data.bc.companies[0]!;
  for (let i = 0; i < MANY; i++) {
    const email = `many.${i}@example.com`;
    business.customers.push({
      id: `many-${i}`,
      displayName: `Many ${i}`,
      emailAddress: email,
      addresses: [],
      phones: [],
      createdDateTime: '2024-01-01T00:00:00Z',
      lastUpdatedDateTime: '2024-01-01T00:00:00Z',
    });
    const n = String(i).padStart(12, '0');
    company.customers.push(bcCustomer(`0f000000-0000-4000-8000-${n}`, `C8${String(i).padStart(4, '0')}`, `Many ${i}`, { email, type: 'Person' }));
  }
}

describeEachStore('syncCustomers after a bulk write', (getStore, suite) => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness({ editSeed: addManyMatched });
  });
  afterAll(() => h.close());

  // PostgreSQL plans the list's look-up of a page's links from these statistics (refresh-statistics.ts).
  it('refreshes the planner statistics of customers and their links on PostgreSQL', async () => {
    const { db } = getStore();
    const analysed = async () => {
      if (suite.kind === 'sqlite')
        return (await sql<{ name: string }>`select name from sqlite_master where name like 'sqlite_stat%'`.execute(db)).rows.length > 0;
      const { rows } = await sql<{
        reltuples: number;
      }>`select reltuples from pg_class where oid in ('customers'::regclass, 'customer_links'::regclass)`.execute(db);
      return rows.length === 2 && rows.every((r) => Number(r.reltuples) >= 0);
    };
    expect(await analysed()).toBe(false);
    const report = await syncCustomers(h.context(db));
    expect(report.added).toBeGreaterThanOrEqual(MANY);
    const linked = await db.selectFrom('customer_links').select('bc_customer_id').where('bookings_customer_id', 'like', 'many-%').execute();
    expect(linked.filter((l) => l.bc_customer_id !== null)).toHaveLength(MANY);
    expect(await analysed()).toBe(suite.kind === 'postgres');
  });
});
