import type { Kysely } from 'kysely';
import { InvoiceRunner } from '../invoicing/run/invoice-runner';
import type { Database } from '../store/database';
import { describeEachStore } from '../store/testing/test-stores';
import { syncAppointments } from '../sync/appointments';
import { syncCustomers } from '../sync/customers';
import { syncServices } from '../sync/services';
import { startSyncHarness, type SyncHarness } from '../sync/testing/sync-harness';
import { queryUnbilled } from '../unbilled';
import { createLinking, type Linking } from './linking';

/* "No customer" fixed by hand against the emulators, on both stores: the appointment invoices once, to the customer picked. */

const actor = { actor: 'admin-1', source: 'tab' as const };

async function rowsOf(db: Kysely<Database>, h: SyncHarness) {
  const { rows } = await queryUnbilled(db, { businessId: h.businessId, state: 'unbilled', limit: 500 }, { now: h.clock(), setup: h.setup });
  return rows;
}

const bcCompany = (h: SyncHarness) => h.bc.state.company(h.companyId)!;

describeEachStore('linking an appointment without a customer to a Business Central customer', (_getStore, suite) => {
  let h: SyncHarness;
  let db: Kysely<Database>;
  let linking: Linking;
  let appointmentId: string;
  beforeAll(async () => {
    h = await startSyncHarness();
    db = (await suite.freshTarget().open()).db;
    for (const phase of [syncServices, syncCustomers, syncAppointments]) await phase(h.context(db));
    linking = createLinking({ db, bc: h.bcClient, businessId: h.businessId.toLowerCase(), setup: async () => h.setup, clock: h.clock });
    // An invoiceable appointment whose attendees Bookings no longer gives: only its customer is missing.
    const ready = (await rowsOf(db, h)).find((r) => r.reasons.length === 0)!;
    appointmentId = ready.id;
    await db
      .updateTable('appointments')
      .set({ customers: '[]', customer_count: 0, customers_without_email: 0, customers_blocked: 0 })
      .where('id', '=', appointmentId)
      .execute();
  });
  afterAll(() => h.close());

  it('offers the customers by number, links the one picked: the row becomes invoiceable and invoices once, to that customer', async () => {
    const before = (await rowsOf(db, h)).find((r) => r.id === appointmentId)!;
    expect(before.reasons).toEqual(['no-customer']);
    expect(before.amount).toEqual({ minor: 0, currency: before.currency });

    const target = bcCompany(h).customers.find((c) => c.email === 'soeren.oestergaard@mail.dk')!;
    const choices = await linking.appointmentCustomerChoices({ appointmentId, search: 'Søren' });
    expect(choices).toMatchObject({ customer: { id: appointmentId, name: before.serviceName, linkedCustomer: null } });
    expect('customers' in choices && choices.customers).toContainEqual({
      id: target.id,
      number: target.number,
      displayName: target.displayName,
      email: target.email,
      blocked: false,
    });

    expect(await linking.linkAppointmentCustomer({ appointmentId, choice: { kind: 'existing', id: target.id }, ...actor })).toEqual({
      ok: true,
      result: { number: target.number, displayName: target.displayName, created: false, appointments: 1 },
    });
    const after = (await rowsOf(db, h)).find((r) => r.id === appointmentId)!;
    expect(after.reasons).toEqual([]);
    // The row names the customer it is invoiced to.
    expect(after.customers).toEqual([
      { customerId: '', name: target.displayName, email: '', timeZone: null, businessCentral: { number: target.number, blocked: false } },
    ]);
    expect(after.amount!.minor).toBeGreaterThan(0);

    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'appointment.customer-linked').execute();
    expect(audit.map((a) => [a.actor, a.source, a.subject, JSON.parse(a.details!)])).toEqual([
      ['admin-1', 'tab', appointmentId, { 'Business Central customer': `${target.number} ${target.displayName}`, created: false }],
    ]);

    const runner = () =>
      new InvoiceRunner({
        db,
        bookings: h.bookings,
        bc: h.bcClient,
        businessId: h.businessId,
        setup: () => h.setup,
        links: { kind: 'sandbox', origin: new URL(h.bcApiBaseUrl).origin },
        clock: h.clock,
      });
    const invoicesBefore = bcCompany(h).salesInvoices.length;
    const result = await runner().run({ kind: 'ids', appointmentIds: [appointmentId] }, 'admin-1', 'tab');
    expect(result.state).toBe('succeeded');
    expect(result.invoices).toHaveLength(1);
    const invoice = bcCompany(h).salesInvoices.find((i) => i.id === result.invoices[0]!.bcInvoiceId)!;
    expect(invoice.customerId).toBe(target.id);
    expect(invoice.salesInvoiceLines).toHaveLength(1);
    expect(result.invoices[0]!.customer).toEqual({ name: target.displayName, email: '' });
    expect(JSON.stringify(result)).not.toContain('appointment-customer:');
    expect((await db.selectFrom('appointments').select('state').where('id', '=', appointmentId).executeTakeFirstOrThrow()).state).toBe('invoiced');

    const again = await runner().run({ kind: 'ids', appointmentIds: [appointmentId] }, 'admin-1', 'tab');
    expect(again.invoices).toHaveLength(0);
    expect(bcCompany(h).salesInvoices).toHaveLength(invoicesBefore + 1);
    expect(JSON.stringify(again)).not.toContain('appointment-customer:');
  });

  it('refuses an invoiced appointment, a blocked customer, an unknown one and an appointment that has attendees or does not exist; creates one from the template by the name typed', async () => {
    const blocked = bcCompany(h).customers.find((c) => c.email === 'bent.ravn@mail.dk')!;
    // Invoiced (by the test before): its customer is settled.
    expect(await linking.linkAppointmentCustomer({ appointmentId, choice: { kind: 'create', name: 'Firma A/S' }, ...actor })).toMatchObject({
      ok: false,
      code: 'unknown-appointment',
    });
    await db
      .updateTable('appointments')
      .set({ state: 'unbilled', linked_bc_customer_id: null, linked_bc_customer_number: null, linked_bc_customer_name: null })
      .where('id', '=', appointmentId)
      .execute();
    expect(await linking.linkAppointmentCustomer({ appointmentId, choice: { kind: 'existing', id: blocked.id }, ...actor })).toMatchObject({
      ok: false,
      code: 'customer-blocked',
    });
    expect(await linking.linkAppointmentCustomer({ appointmentId, choice: { kind: 'existing', id: 'not-a-guid' }, ...actor })).toMatchObject({
      ok: false,
      code: 'unknown-record',
    });
    expect(await linking.linkAppointmentCustomer({ appointmentId: 'nope', choice: { kind: 'existing', id: blocked.id }, ...actor })).toMatchObject({
      ok: false,
      code: 'unknown-appointment',
    });
    const withAttendees = (await rowsOf(db, h)).find((r) => r.customers.length > 0)!;
    expect(await linking.appointmentCustomerChoices({ appointmentId: withAttendees.id })).toMatchObject({ ok: false, code: 'unknown-appointment' });

    const count = bcCompany(h).customers.length;
    expect(await linking.linkAppointmentCustomer({ appointmentId, choice: { kind: 'create', name: 'Firma A/S' }, ...actor })).toMatchObject({
      ok: true,
      result: { displayName: 'Firma A/S', created: true },
    });
    expect(bcCompany(h).customers).toHaveLength(count + 1);
    expect(
      await db
        .selectFrom('appointments')
        .select(['linked_bc_customer_id', 'linked_bc_customer_name'])
        .where('id', '=', appointmentId)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      linked_bc_customer_id: bcCompany(h).customers.at(-1)!.id,
      linked_bc_customer_name: 'Firma A/S',
    });
  });
});
