import type { Kysely } from 'kysely';
import { InvoiceRunner } from '../invoicing/run/invoice-runner';
import type { Database } from '../store/database';
import { describeEachStore } from '../store/testing/test-stores';
import { syncAppointments } from '../sync/appointments';
import { syncCustomers } from '../sync/customers';
import { syncServices } from '../sync/services';
import { startSyncHarness, type SyncHarness } from '../sync/testing/sync-harness';
import { queryUnbilled } from '../unbilled';
import { createLinking, isRefusal, type Linking } from './linking';
import type { CustomerLinkChoices, LinkOutcome, ServiceLinkChoices } from './link-schemas';

/* Linking by hand against the emulators, on both stores: what blocked a row no longer does, and the row invoices. */

const CONFLICTED = 'Fysioterapi, opfølgning';
const actor = { actor: 'admin-1', source: 'tab' as const };

function choicesOf<T extends ServiceLinkChoices | CustomerLinkChoices>(value: T | LinkOutcome): T {
  if ('ok' in value) throw new Error(`refused: ${JSON.stringify(value)}`);
  return value;
}

async function rowsOf(db: Kysely<Database>, h: SyncHarness, filter: { serviceId?: string; customer?: string }) {
  const { rows } = await queryUnbilled(db, { businessId: h.businessId, state: 'unbilled', limit: 500, ...filter }, { now: h.clock(), setup: h.setup });
  return rows;
}

const serviceIdOf = (h: SyncHarness, name: string) => h.data.bookings.businesses[0]!.services.find((s) => s.displayName === name)!.id;
const customerIdOf = (h: SyncHarness, name: string) => h.data.bookings.businesses[0]!.customers.find((c) => c.displayName === name)!.id;
const bcCompany = (h: SyncHarness) => h.bc.state.company(h.companyId)!;

function runnerFor(db: Kysely<Database>, h: SyncHarness): InvoiceRunner {
  return new InvoiceRunner({
    db,
    bookings: h.bookings,
    bc: h.bcClient,
    businessId: h.businessId,
    setup: () => h.setup,
    links: { kind: 'sandbox', origin: new URL(h.bcApiBaseUrl).origin },
    clock: h.clock,
  });
}

describeEachStore('linking a service and a customer by hand', (_getStore, suite) => {
  let h: SyncHarness;
  let db: Kysely<Database>;
  let linking: Linking;
  beforeAll(async () => {
    h = await startSyncHarness();
    db = (await suite.freshTarget().open()).db;
    for (const phase of [syncServices, syncCustomers, syncAppointments]) await phase(h.context(db));
    linking = createLinking({ db, bc: h.bcClient, businessId: h.businessId.toLowerCase(), setup: async () => h.setup, clock: h.clock });
  });
  afterAll(() => h.close());

  it("offers Service items by name and number with the sync's same-named conflict first, and links it: the service's rows become invoiceable and invoice", async () => {
    const serviceId = serviceIdOf(h, CONFLICTED);
    const before = await rowsOf(db, h, { serviceId });
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((r) => r.reasons.includes('service-not-linked'))).toBe(true);

    const choices = choicesOf(await linking.serviceChoices({ serviceId }));
    expect(choices.service).toEqual({ id: serviceId, name: CONFLICTED, linkedItem: null, conflict: { number: '1000', displayName: CONFLICTED } });
    expect(choices.items[0]).toMatchObject({ number: '1000', displayName: CONFLICTED, sameName: true, unitPrice: { minor: 39600, currency: 'DKK' } });
    const numbers = choices.items.map((i) => i.number);
    // Inventory, non-inventory and blocked items are no choice.
    expect(numbers).not.toEqual(expect.arrayContaining(['1003']));
    expect(numbers.some((n) => ['1003', '1004', '1005'].includes(n))).toBe(false);
    expect(choicesOf(await linking.serviceChoices({ serviceId, search: 'massage 30' })).items.map((i) => i.number)).toEqual(['1001']);

    const item = bcCompany(h).items.find((i) => i.number === '1000')!;
    const linked = await linking.linkService({ serviceId, choice: { kind: 'existing', id: item.id }, ...actor });
    expect(linked).toEqual({ ok: true, result: { number: '1000', displayName: CONFLICTED, created: false, appointments: before.length } });
    const after = await rowsOf(db, h, { serviceId });
    expect(after.every((r) => !r.reasons.includes('service-not-linked'))).toBe(true);
    const ready = after.filter((r) => r.reasons.length === 0);
    expect(ready.length).toBeGreaterThan(0);

    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'service.linked').execute();
    expect(audit.map((a) => [a.actor, a.source, a.subject, JSON.parse(a.details!)])).toEqual([
      ['admin-1', 'tab', h.businessId.toLowerCase(), { service: CONFLICTED, item: `1000 ${CONFLICTED}`, created: false }],
    ]);

    const result = await runnerFor(db, h).run({ kind: 'ids', appointmentIds: [ready[0]!.id] }, 'admin-1', 'tab');
    expect(result.state).toBe('succeeded');
    const invoice = bcCompany(h).salesInvoices.find((i) => i.id === result.invoices[0]!.bcInvoiceId)!;
    expect(invoice.salesInvoiceLines.map((l) => l.itemId)).toEqual([item.id]);

    // A sync afterwards keeps the link (no conflict found again, no second item made).
    await syncServices(h.context(db));
    expect(choicesOf(await linking.serviceChoices({ serviceId })).service).toMatchObject({ linkedItem: { number: '1000' }, conflict: null });
    expect(bcCompany(h).items.filter((i) => i.displayName === CONFLICTED)).toHaveLength(1);
  });

  it('refuses an item that is no Service item, a blocked one, one that does not exist and an unknown service', async () => {
    const serviceId = serviceIdOf(h, CONFLICTED);
    const byNumber = (n: string) => bcCompany(h).items.find((i) => i.number === n)!.id;
    expect(await linking.linkService({ serviceId, choice: { kind: 'existing', id: byNumber('1004') }, ...actor })).toMatchObject({
      ok: false,
      code: 'not-a-service-item',
    });
    expect(await linking.linkService({ serviceId, choice: { kind: 'existing', id: byNumber('1003') }, ...actor })).toMatchObject({
      ok: false,
      code: 'item-blocked',
    });
    expect(await linking.linkService({ serviceId, choice: { kind: 'existing', id: '00000000-0000-0000-0000-000000000000' }, ...actor })).toMatchObject({
      ok: false,
      code: 'unknown-record',
    });
    expect(await linking.linkService({ serviceId: 'no-such-service', choice: { kind: 'create' }, ...actor })).toMatchObject({
      ok: false,
      code: 'unknown-service',
    });
    expect(isRefusal(await linking.serviceChoices({ serviceId: 'no-such-service' }))).toBe(true);
  });

  it('creates a new item from the item template when asked, even beside a same-named one', async () => {
    const serviceId = serviceIdOf(h, CONFLICTED);
    const count = bcCompany(h).items.length;
    const created = await linking.linkService({ serviceId, choice: { kind: 'create' }, ...actor });
    expect(created).toMatchObject({ ok: true, result: { displayName: CONFLICTED, created: true } });
    expect(bcCompany(h).items).toHaveLength(count + 1);
    const item = bcCompany(h).items.at(-1)!;
    expect(item).toMatchObject({ displayName: CONFLICTED, type: 'Service' });
    const link = await db.selectFrom('service_links').selectAll().where('bookings_service_id', '=', serviceId).executeTakeFirstOrThrow();
    expect(link).toMatchObject({ bc_item_id: item.id, bc_item_number: item.number, conflict_reason: null });
  });

  it('links a customer without an email to a Business Central customer: their rows become invoiceable and invoice to that customer', async () => {
    const customerId = customerIdOf(h, 'Inge Nielsen');
    const before = await rowsOf(db, h, { customer: customerId });
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((r) => r.reasons.includes('customer-without-email'))).toBe(true);

    const target = bcCompany(h).customers.find((c) => c.email === 'soeren.oestergaard@mail.dk')!;
    const choices = choicesOf(await linking.customerChoices({ customerId, search: 'Søren' }));
    expect(choices.customer).toEqual({ id: customerId, name: 'Inge Nielsen', email: '', linkedCustomer: null });
    expect(choices.customers).toContainEqual({ id: target.id, number: target.number, displayName: target.displayName, email: target.email, blocked: false });

    const linked = await linking.linkCustomer({ customerId, choice: { kind: 'existing', id: target.id }, ...actor });
    expect(linked).toMatchObject({ ok: true, result: { number: target.number, created: false } });
    const after = await rowsOf(db, h, { customer: customerId });
    expect(after.every((r) => !r.reasons.includes('customer-without-email'))).toBe(true);
    const ready = after.filter((r) => r.reasons.length === 0 && r.customers.length === 1);
    expect(ready.length).toBeGreaterThan(0);

    const result = await runnerFor(db, h).run({ kind: 'ids', appointmentIds: [ready[0]!.id] }, 'admin-1', 'tab');
    expect(result.state).toBe('succeeded');
    expect(result.invoices).toHaveLength(1);
    expect(bcCompany(h).salesInvoices.find((i) => i.id === result.invoices[0]!.bcInvoiceId)?.customerId).toBe(target.id);
    expect(result.invoices[0]!.customer).toEqual({ name: 'Inge Nielsen', email: '' });
    // A second run over it names no key of an attendee without an email.
    const again = await runnerFor(db, h).run({ kind: 'ids', appointmentIds: [ready[0]!.id] }, 'admin-1', 'tab');
    expect(again.invoices).toHaveLength(0);
    expect(JSON.stringify(again)).not.toContain('bookings-customer:');
    // Invoiced once: the appointment left the list.
    expect((await rowsOf(db, h, { customer: customerId })).map((r) => r.id)).not.toContain(ready[0]!.id);

    // The customer sync keeps the link.
    await syncCustomers(h.context(db));
    expect(choicesOf(await linking.customerChoices({ customerId })).customer.linkedCustomer).toEqual({
      number: target.number,
      displayName: target.displayName,
    });
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'customer.linked').execute();
    expect(audit.map((a) => JSON.parse(a.details!))).toEqual([
      { customer: 'Inge Nielsen', 'Business Central customer': `${target.number} ${target.displayName}`, created: false },
    ]);
  });

  it('creates a Business Central customer from the customer template for a walk-in without an email', async () => {
    const customerId = customerIdOf(h, 'Walk-in kunde');
    const count = bcCompany(h).customers.length;
    const created = await linking.linkCustomer({ customerId, choice: { kind: 'create' }, ...actor });
    expect(created).toMatchObject({ ok: true, result: { displayName: 'Walk-in kunde', created: true } });
    expect(bcCompany(h).customers).toHaveLength(count + 1);
    const link = await db.selectFrom('customer_links').selectAll().where('bookings_customer_id', '=', customerId).executeTakeFirstOrThrow();
    expect(link).toMatchObject({ bc_customer_id: bcCompany(h).customers.at(-1)!.id, created_by_us: 1 });
    expect((await rowsOf(db, h, { customer: customerId })).every((r) => !r.reasons.includes('customer-without-email'))).toBe(true);
    expect(await linking.linkCustomer({ customerId, choice: { kind: 'existing', id: 'not-a-guid' }, ...actor })).toMatchObject({
      ok: false,
      code: 'unknown-record',
    });
    expect(await linking.linkCustomer({ customerId: 'nobody', choice: { kind: 'create' }, ...actor })).toMatchObject({ ok: false, code: 'unknown-customer' });
  });

  it("names a blocked customer's Business Central number on their rows, and the linked one of everyone else", async () => {
    const bent = customerIdOf(h, 'Bent Ravn');
    const number = bcCompany(h).customers.find((c) => c.email === 'bent.ravn@mail.dk')!.number;
    const rows = await rowsOf(db, h, { customer: bent });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.reasons).toContain('customer-blocked');
      expect(row.customers).toEqual([expect.objectContaining({ customerId: bent, businessCentral: { number, blocked: true } })]);
    }
    const walkIn = await rowsOf(db, h, { customer: customerIdOf(h, 'Walk-in kunde') });
    expect(walkIn[0]!.customers[0]!.businessCentral).toEqual({ number: expect.any(String), blocked: false });
  });

  it('a linked customer deleted in Business Central waits again for a link after the next customer sync', async () => {
    const customerId = customerIdOf(h, 'Walk-in kunde');
    const link = await db.selectFrom('customer_links').selectAll().where('bookings_customer_id', '=', customerId).executeTakeFirstOrThrow();
    const customers = bcCompany(h).customers;
    customers.splice(
      customers.findIndex((c) => c.id === link.bc_customer_id),
      1,
    );
    await syncCustomers(h.context(db));
    const rows = await rowsOf(db, h, { customer: customerId });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.reasons.includes('customer-without-email'))).toBe(true);
  });
});
