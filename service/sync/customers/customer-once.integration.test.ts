import { describeEachStore } from '../../store/testing/test-stores';
import { startInvoiceKit, type InvoiceKit } from '../../invoicing/run/testing/invoice-kit';

const NOW = new Date('2026-11-25T10:00:00Z');
// Services whose appointments the kit can invoice (fixed and hourly prices, linked items).
const SERVICES = ['Fysioterapi, opfølgning', 'Genoptræning 50 min', 'Hjemmebesøg', 'Akupunktur'];

/** A customer with at least `count` ended single-attendee appointments, not blocked. */
async function customerWithAppointments(k: InvoiceKit, count: number): Promise<{ email: string; ids: string[] }> {
  const byEmail = new Map<string, string[]>();
  for (const row of (await Promise.all(SERVICES.map((name) => k.ended(name)))).flat()) {
    if (row.customer_count !== 1 || row.customers_blocked !== 0) continue;
    const email = (JSON.parse(row.customers) as { email: string }[])[0]!.email.toLowerCase();
    byEmail.set(email, [...(byEmail.get(email) ?? []), row.id]);
  }
  const found = [...byEmail].find(([, ids]) => ids.length >= count);
  expect(found).toBeDefined();
  return { email: found![0], ids: found![1].slice(0, count) };
}

describeEachStore('One Business Central customer per email, across runs and processes', (_getStore, suite) => {
  const kits: InvoiceKit[] = [];
  afterAll(() => Promise.all(kits.map((k) => k.h.close())));

  it('runs at once (two connections, as two processes) that share a new customer create it once', async () => {
    const target = suite.freshTarget();
    const store = await target.open();
    // A little service time, so every run has read the customers before any has created one.
    const k = await startInvoiceKit(store.db, { now: NOW, bcSettings: { serviceTimeMs: 20 } });
    kits.push(k);
    const { email, ids } = await customerWithAppointments(k, 3);
    const company = k.h.bc.state.company(k.h.companyId)!;
    company.customers = company.customers.filter((c) => !c.email.toLowerCase().split(';').includes(email));
    await k.db.deleteFrom('customer_links').execute();
    const other = (await target.open()).db;

    const results = await Promise.all(
      ids.map((id, i) => k.runner(i % 2 === 0 ? {} : { db: other }).run({ kind: 'ids', appointmentIds: [id] }, 'anna@contoso.com', 'tab')),
    );

    expect(company.customers.filter((c) => c.email.toLowerCase().split(';').includes(email))).toHaveLength(1);
    expect(results.map((r) => [r.state, r.skipped.map((s) => s.reason).join()])).toEqual(ids.map(() => ['succeeded', '']));
    expect(new Set(k.bcInvoices().map((i) => i.customerId)).size).toBe(1);
  });
});
