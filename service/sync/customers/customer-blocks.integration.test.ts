import type { Kysely } from 'kysely';
import { startInvoiceKit, type InvoiceKit } from '../../invoicing/run/testing/invoice-kit';
import type { Database } from '../../store/database';
import { describeEachStore } from '../../store/testing/test-stores';
import { queryUnbilled } from '../../unbilled';
import { syncAppointments } from '../appointments';
import { syncServices } from '../services';
import { startSyncHarness, type SyncHarness } from '../testing/sync-harness';
import { LINK_NOTES } from './skip-reasons';
import { syncCustomers } from './sync-customers';

const seededCustomerId = (h: SyncHarness, name: string): string => {
  const found = h.data.bookings.businesses[0]!.customers.find((c) => c.displayName === name);
  if (!found) throw new Error(`no seeded customer ${name}`);
  return found.id;
};

const bcCustomerOf = (h: SyncHarness, email: string) => {
  const found = h.bc.state.company(h.companyId)!.customers.find((c) => c.email === email);
  if (!found) throw new Error(`no Business Central customer ${email}`);
  return found;
};

/** Ids of the stored appointments this Bookings customer attends (those ended by `endedBy`, when given). */
async function attendedBy(db: Kysely<Database>, customerId: string, endedBy?: Date): Promise<string[]> {
  let query = db.selectFrom('appointments').select(['id', 'customers']).orderBy('id');
  if (endedBy !== undefined) query = query.where('end_utc', '<=', endedBy.toISOString());
  const rows = await query.execute();
  return rows.filter((r) => (JSON.parse(r.customers) as { id: string }[]).some((a) => a.id === customerId)).map((r) => r.id);
}

/** Every unbilled-list row's reasons, by appointment id. */
async function reasonsById(db: Kysely<Database>, h: SyncHarness): Promise<Map<string, string[]>> {
  const { rows } = await queryUnbilled(db, { businessId: h.businessId.toLowerCase(), state: 'all', limit: 500 }, { now: h.clock(), setup: h.setup });
  return new Map(rows.map((r) => [r.id, r.reasons]));
}

describeEachStore('customers blocked in Business Central, and emails too long for it', (_getStore, suite) => {
  const harnesses: SyncHarness[] = [];
  afterAll(() => Promise.all(harnesses.map((h) => h.close())));

  it("marks a blocked customer's appointments as not invoiceable at sync, and invoiceable again once unblocked", async () => {
    const db = (await suite.freshTarget().open()).db;
    const h = await startSyncHarness();
    harnesses.push(h);
    // The order the sync job runs its phases in: links exist before appointments are written.
    for (const phase of [syncServices, syncCustomers, syncAppointments]) await phase(h.context(db));

    const bent = seededCustomerId(h, 'Bent Ravn');
    const bents = await attendedBy(db, bent);
    expect(bents.length).toBeGreaterThan(0);
    let reasons = await reasonsById(db, h);
    for (const id of bents) expect(reasons.get(id)).toContain('customer-blocked');
    const others = [...reasons].filter(([id]) => !bents.includes(id));
    expect(others.some(([, r]) => r.length === 0)).toBe(true);
    expect(others.every(([, r]) => !r.includes('customer-blocked'))).toBe(true);

    // Unblocked in Business Central: the next customer sync recounts his appointments.
    const customer = bcCustomerOf(h, 'bent.ravn@mail.dk');
    customer.blocked = ' ';
    await syncCustomers(h.context(db));
    reasons = await reasonsById(db, h);
    for (const id of bents) expect(reasons.get(id)).not.toContain('customer-blocked');
    expect(bents.some((id) => reasons.get(id)?.length === 0)).toBe(true);

    // 'Ship' lets invoices through; 'Invoice' does not.
    customer.blocked = 'Ship';
    await syncCustomers(h.context(db));
    for (const id of bents) expect((await reasonsById(db, h)).get(id)).not.toContain('customer-blocked');
    customer.blocked = 'Invoice';
    await syncCustomers(h.context(db));
    reasons = await reasonsById(db, h);
    for (const id of bents) expect(reasons.get(id)).toContain('customer-blocked');
  });

  it("skips a blocked customer's appointments in the invoice run with the reason, and invoices a customer created without its too-long email", async () => {
    const kit: InvoiceKit = await startInvoiceKit((await suite.freshTarget().open()).db);
    harnesses.push(kit.h);
    const { h, db } = kit;
    // Appointments already stored when the customers are linked: the links' blocked flags are counted onto them.
    await syncCustomers(h.context(db));

    // Only what has ended: the rest waits for its end, whoever the customer is.
    const bent = await attendedBy(db, seededCustomerId(h, 'Bent Ravn'), h.clock());
    const valdemarId = seededCustomerId(h, 'Valdemar Lauritzen');
    const valdemar = await attendedBy(db, valdemarId);
    const reasons = await reasonsById(db, h);
    expect(bent.length).toBeGreaterThan(0);
    for (const id of bent) expect(reasons.get(id)?.[0]).toBe('customer-blocked');
    const invoiceable = valdemar.filter((id) => reasons.get(id)?.length === 0);
    expect(invoiceable.length).toBeGreaterThan(0);

    const link = await db.selectFrom('customer_links').selectAll().where('bookings_customer_id', '=', valdemarId).executeTakeFirstOrThrow();
    expect(link).toMatchObject({ created_by_us: 1, note: LINK_NOTES.createdWithoutEmail });
    const bcValdemar = h.bc.state.company(h.companyId)!.customers.find((c) => c.id === link.bc_customer_id)!;
    expect(bcValdemar).toMatchObject({ displayName: 'Valdemar Lauritzen', email: '' });

    const result = await kit.runner().run({ kind: 'ids', appointmentIds: [...bent, ...invoiceable] }, 'anna@contoso.com', 'cli');
    expect(result.state).toBe('succeeded');
    expect(result.skipped.filter((s) => bent.includes(s.appointmentId)).map((s) => s.reason)).toEqual(bent.map(() => 'customer-blocked'));
    const invoiced = result.invoices.flatMap((i) => i.appointmentIds).sort();
    expect(invoiced).toEqual([...invoiceable].sort());
    for (const invoice of result.invoices) {
      expect(invoice.status).toBe('verified');
      expect(kit.bcInvoices().find((i) => i.id === invoice.bcInvoiceId)?.customerId).toBe(bcValdemar.id);
    }
    // No second customer was made for him.
    expect(h.bc.state.company(h.companyId)!.customers.filter((c) => c.displayName === 'Valdemar Lauritzen')).toHaveLength(1);
  });
});
